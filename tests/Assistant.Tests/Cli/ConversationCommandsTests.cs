using System.Text.Json.Nodes;
using Mixwright.Assistant.Evaluation;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tests.Cli;

/// <summary>`mixwright ask` and `mixwright chat` through the real program, on the local back-end.</summary>
public sealed class ConversationCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-ask-").FullName;
    private readonly string _session;
    private readonly Dictionary<string, string?> _env;

    public ConversationCommandsTests()
    {
        var (session, _) = SyntheticSession.Create(_dir, [("Lead Vocal", "vocals"), ("Kick", "kick"), ("Gtr L", "guitar"), ("Gtr R", "guitar")]);
        _session = session.FilePath;
        // The local back-end, whatever the machine's own configuration says.
        _env = new() { ["MIXWRIGHT_BACKEND"] = "local", ["XDG_CONFIG_HOME"] = _dir, ["OPENAI_API_KEY"] = null, ["MIXWRIGHT_API_KEY"] = null };
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JsonObject Ask(params string[] args)
    {
        var run = MixwrightProcess.RunWith(null, _env, ["ask", _session, .. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonNode.Parse(run.Stdout)!.AsObject();
    }

    [Fact]
    public void Ask_proposes_then_a_later_yes_commits_and_a_bit_more_refers_to_the_last_change()
    {
        var proposed = Ask("make the vocal louder");
        Assert.Equal(["reply", "question", "proposal", "committed"], proposed.Select(p => p.Key));
        Assert.Null(proposed["question"]);
        Assert.False(proposed["committed"]!.GetValue<bool>());
        var row = Assert.Single(proposed["proposal"]!.AsArray())!;
        Assert.Equal(("Lead Vocal", "gain_db", "0 dB"), (row["track"]!.GetValue<string>(), row["parameter"]!.GetValue<string>(), row["from"]!.GetValue<string>()));
        Assert.Contains("further forward", row["why"]!.GetValue<string>());
        Assert.Equal(0, MixSession.Load(_session).Console.Track("Lead Vocal").GainDb);

        var yes = Ask("yes");
        Assert.True(yes["committed"]!.GetValue<bool>());
        Assert.Null(yes["proposal"]);
        double first = MixSession.Load(_session).Console.Track("Lead Vocal").GainDb;
        Assert.True(first > 0);

        var more = Ask("a bit more");
        var again = Assert.Single(more["proposal"]!.AsArray())!;
        Assert.Equal("Lead Vocal", again["track"]!.GetValue<string>());
        Assert.True(double.Parse(again["to"]!.GetValue<string>().Replace(" dB", ""), System.Globalization.CultureInfo.InvariantCulture) > first);
    }

    [Fact]
    public void Ask_asks_one_question_when_the_track_is_ambiguous_and_yes_flag_applies_at_once()
    {
        var question = Ask("make the guitar brighter");
        Assert.Contains("Gtr L", question["question"]!.GetValue<string>());
        Assert.Null(question["proposal"]);

        var answered = Ask("both", "--yes");
        Assert.True(answered["committed"]!.GetValue<bool>());
        var console = MixSession.Load(_session).Console;
        Assert.False(console.Track("Gtr L").Eq.IsFlat);
        Assert.False(console.Track("Gtr R").Eq.IsFlat);
    }

    [Fact]
    public void Chat_reads_turns_from_stdin_shows_proposals_as_tables_and_commits_on_yes()
    {
        var run = MixwrightProcess.RunWith("pan the kick a little left\nyes\nwhy is the kick panned left?\nquit\n", _env, "chat", _session);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("you> ", run.Stdout);
        Assert.Contains("from -> to", run.Stdout);
        Assert.Contains("Apply?", run.Stdout);
        Assert.Contains("Applied as cs-1", run.Stdout);
        Assert.Contains("Kick pan is -0.15", run.Stdout);
        Assert.Equal(-0.15, MixSession.Load(_session).Console.Track("Kick").Pan);
    }

    [Fact]
    public void Chat_on_a_stems_folder_makes_the_session_first()
    {
        string stems = Path.Combine(_dir, "more-stems");
        SyntheticStems.Write(stems, "Bass", "bass");
        SyntheticStems.Write(stems, "Snare", "snare");

        var run = MixwrightProcess.RunWith("the snare is too loud\nno\n", _env, "chat", stems);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Making a session", run.Stdout);
        Assert.Contains("Snare", run.Stdout);
        Assert.Contains("dropped that proposal", run.Stdout);
        Assert.Empty(MixSession.Load(Path.Combine(stems, Tools.SessionCommands.DefaultSessionFileName)).History.ChangeSets);
    }

    [Fact]
    public void A_bad_backend_setting_is_one_clear_error()
    {
        var run = MixwrightProcess.RunWith(null, new Dictionary<string, string?>(_env) { ["MIXWRIGHT_BACKEND"] = "skynet" }, "ask", _session, "hello");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unknown chat back-end \"skynet\"", run.Stderr);
    }
}
