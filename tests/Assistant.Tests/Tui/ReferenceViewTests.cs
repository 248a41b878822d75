using Mixwright.Tools.Engine;
using Terminal.Gui.Input;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>The mix-versus-reference octave view: empty until a reference is analysed, flat against itself, tilted by an EQ move.</summary>
public sealed class ReferenceViewTests : IDisposable
{
    private readonly TestSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void After_a_reference_is_analysed_the_view_shows_where_the_mix_departs_from_it()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        Assert.Contains("no reference yet", tui.Screen);
        tui.Press(Key.F5);
        tui.WaitUntil(() => !tui.Window.Busy);

        // The mix as it is now becomes the reference, as if the user had named a file of it.
        File.Copy(tui.Desk.RenderPath, Path.Combine(_session.StemsDir, "ref.wav"));
        tui.Desk.Session.AddReference("ref.wav");
        tui.Press(Key.F6);
        tui.WaitUntil(() => !tui.Window.Busy);

        Assert.Contains("Mix − ref (levels aligned)", tui.Screen);
        Assert.All(tui.Desk.ReferenceDifference()!, d => Assert.InRange(d!.Value, -0.1, 0.1));
        Assert.DoesNotContain("▄", ReferencePane(tui));

        tui.Say("boost the vocal 6 dB at 300 Hz");
        tui.Say("yes");
        tui.Press(Key.F5);
        tui.WaitUntil(() => !tui.Window.Busy);

        var difference = tui.Desk.ReferenceDifference()!.Select(d => d!.Value).ToList();
        int band250 = OctaveBands.Labels.ToList().IndexOf("250");
        Assert.Equal(band250, difference.IndexOf(difference.Max()));
        Assert.True(difference[band250] > 2, string.Join(", ", difference));
        Assert.Matches("[▄█]", ReferencePane(tui));
    }

    /// <summary>The screen to the right of where the reference pane's title starts, below it.</summary>
    private static string ReferencePane(HeadlessTui tui)
    {
        var lines = tui.Screen.Split('\n');
        int top = Array.FindIndex(lines, l => l.Contains("Mix − "));
        int left = lines[top].IndexOf("Mix − ", StringComparison.Ordinal);
        return string.Join("\n", lines.Skip(top + 1).Select(l => l.Length > left ? l[left..] : ""));
    }
}
