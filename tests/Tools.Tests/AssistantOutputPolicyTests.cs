using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>Where a render the assistant asks for may go, and what it may replace there.</summary>
public sealed class AssistantOutputPolicyTests : IDisposable
{
    private readonly TempSession _temp = new("Kick.wav", "Vocal.wav");
    private readonly MixSession _session;
    private readonly MixTools _tools;

    public AssistantOutputPolicyTests()
    {
        _session = _temp.Create();
        _tools = _temp.Tools(_session);
    }

    public void Dispose() => _temp.Dispose();

    private string Renders => Path.Combine(_temp.Root, "renders");

    [Theory]
    [InlineData("/tmp/elsewhere/final_master.wav", "absolute path")]
    [InlineData("~/final_master.wav", "absolute path")]
    [InlineData("../final_master.wav", "names a folder")]
    [InlineData("sub/dir/mix.wav", "names a folder")]
    [InlineData("..\\mix.wav", "names a folder")]
    [InlineData("mix..wav", "\"..\"")]
    public void A_path_that_leaves_the_renders_folder_is_refused_and_nothing_is_written(string requested, string why)
    {
        string error = ToolJson.Error(_tools.Render(requested));

        Assert.Contains(why, error);
        Assert.Contains("renders/", error);
        Assert.Contains("mixwright render SESSION -o PATH", error);
        Assert.False(Directory.Exists(Renders) && Directory.EnumerateFiles(Renders, "*.wav").Any());
    }

    [Theory]
    [InlineData("final master.wav", "final-master.wav")]
    [InlineData("mix.flac", "mix.flac")]
    [InlineData("mix.exe", "mix-exe.wav")]
    [InlineData("mix", "mix.wav")]
    [InlineData(".hidden.wav", "hidden.wav")]
    [InlineData("\u00e9t\u00e9;rm -rf.wav", "t--rm--rf.wav")]
    public void The_name_is_cleaned_to_a_plain_file_name(string requested, string expected) =>
        Assert.Equal(expected, AssistantOutputPolicy.FileName(requested));

    [Fact]
    public void A_file_the_user_put_in_renders_is_never_replaced_but_Mixwrights_own_render_is()
    {
        Directory.CreateDirectory(Renders);
        string users = Path.Combine(Renders, "final_master.wav");
        File.WriteAllText(users, "the user's master");

        var first = ToolJson.Ok(_tools.Render("final_master.wav"));
        Assert.Equal(Path.Combine(Renders, "final_master-2.wav"), first["file"]!.GetValue<string>());
        Assert.Contains("left alone", first["note"]!.GetValue<string>());
        Assert.Equal("the user's master", File.ReadAllText(users));

        // Rendering the same name again replaces Mixwright's own file, not the user's, and makes no third one.
        var second = ToolJson.Ok(_tools.Render("final_master.wav"));
        Assert.Equal(Path.Combine(Renders, "final_master-2.wav"), second["file"]!.GetValue<string>());
        Assert.Equal(2, Directory.GetFiles(Renders, "*.wav").Length);

        // Once the user edits Mixwright's render, it is theirs too.
        File.WriteAllText(Path.Combine(Renders, "final_master-2.wav"), "edited by the user");
        var third = ToolJson.Ok(_tools.Render("final_master.wav"));
        Assert.Equal(Path.Combine(Renders, "final_master-3.wav"), third["file"]!.GetValue<string>());
        Assert.Equal("edited by the user", File.ReadAllText(Path.Combine(Renders, "final_master-2.wav")));
    }

    [Fact]
    public void A_renders_link_to_another_folder_is_not_followed()
    {
        string elsewhere = Path.Combine(_temp.Root, "..", "mixwright-elsewhere-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(elsewhere);
        try
        {
            Directory.CreateSymbolicLink(Renders, elsewhere);
            Assert.Contains("link", ToolJson.Error(_tools.Render("mix.wav")));
            Assert.Empty(Directory.GetFiles(elsewhere));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
