namespace Mixwright.Assistant.Tests.Cli;

/// <summary>`mixwright demo`: the README's main job, end to end (fluidsynth stems, balance, conversation, render).</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_demo_plays_a_conversation_with_a_proposal_a_question_a_commit_a_why_and_an_undo_then_renders()
    {
        var run = MixwrightProcess.RunWith(null, new Dictionary<string, string?> { ["MIXWRIGHT_BACKEND"] = "openai" }, "demo", "--dir", _dir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        string o = run.Stdout;
        int proposal = o.IndexOf("you> the bass is a bit boomy", StringComparison.Ordinal);
        int question = o.IndexOf("can mean", StringComparison.Ordinal);
        int why = o.IndexOf("for the descriptor \"the bass is a bit boomy\"", StringComparison.Ordinal);
        int undo = o.IndexOf("Undone:", StringComparison.Ordinal);
        int render = o.IndexOf("Rendered ", StringComparison.Ordinal);
        Assert.True(proposal >= 0 && proposal < question && question < why && why < undo && undo < render, o);
        Assert.Contains("from -> to", o);
        Assert.Contains("Applied as cs-3", o);
        Assert.True(File.Exists(Path.Combine(_dir, "demo-mix.wav")));
    }
}
