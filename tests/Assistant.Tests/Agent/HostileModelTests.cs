using Mixwright.Tools.Moves;
using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Agent.Backends;
using Mixwright.Assistant.Evaluation;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>
/// A hostile OpenAI-compatible model on 127.0.0.1, through the real Semantic Kernel connector and the real agent
/// loop: every attack is held, the user's files stay as they were, and the API key never shows anywhere.
/// </summary>
public sealed class HostileModelTests : IDisposable
{
    private const string ApiKey = "sk-hostile-test-key-31337";
    private const string Secret = "TOP-SECRET-4242 do not leak";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mixwright-hostile-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _other = Path.Combine(Path.GetTempPath(), "mixwright-other-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly MixSession _session;
    private readonly ToolRunner _runner;
    private readonly List<FakeChatServer> _servers = [];
    private readonly List<AgentTurn> _turns = [];

    public HostileModelTests()
    {
        var (session, engine) = SyntheticSession.Create(_dir, [("Kick", "kick"), ("Lead Vocal", "vocals")]);
        _session = session;
        _runner = new ToolRunner(new MixTools(session, engine, new DescriptorResolver(PromptLibrary.Default)));
        Directory.CreateDirectory(_other);
    }

    public void Dispose()
    {
        // Whatever the attack, the key went nowhere: not to the model, not to the user, not into the session.
        foreach (var server in _servers)
        {
            Assert.All(server.Requests, r => Assert.DoesNotContain(ApiKey, r.Body));
            server.Dispose();
        }
        foreach (var turn in _turns)
        {
            Assert.DoesNotContain(ApiKey, turn.Reply);
            Assert.All(turn.Calls, e => Assert.DoesNotContain(ApiKey, e.Result));
        }
        if (File.Exists(_session.FilePath)) Assert.DoesNotContain(ApiKey, File.ReadAllText(_session.FilePath));
        Directory.Delete(_dir, recursive: true);
        Directory.Delete(_other, recursive: true);
    }

    /// <summary>One user turn in which the model answers with <paramref name="calls"/>, then with a sentence.</summary>
    private async Task<(AgentTurn Turn, FakeChatServer Server)> Turn(string userText, params (string Name, string Arguments)[] calls)
    {
        var server = new FakeChatServer([FakeChatServer.OpenAIToolCalls(calls), FakeChatServer.OpenAIText("Done as you wished.")]);
        _servers.Add(server);
        var agent = new MixAgent(_session, _runner, ChatBackends.Create(
            new BackendConfiguration(BackendKind.OpenAI, new Uri(server.BaseUri, "v1").ToString(), "test-model", ApiKey, 6000)));
        var turn = await agent.AskAsync(userText);
        _turns.Add(turn);
        return (turn, server);
    }

    private static string Error(ToolExchange e) => JsonNode.Parse(e.Result)!["error"]!.GetValue<string>();

    private static string Args(string key, string value) => new JsonObject { [key] = value }.ToJsonString();

    [Fact]
    public async Task A_render_over_another_folders_master_is_refused_and_the_master_is_untouched()
    {
        string master = Path.Combine(_other, "final_master.wav");
        File.WriteAllText(master, "the user's only master");
        var written = File.GetLastWriteTimeUtc(master);

        var (turn, _) = await Turn("bounce the mix", ("mix-render", Args("output_file", master)));

        var render = Assert.Single(turn.Calls);
        Assert.False(render.Ok);
        Assert.Contains("absolute path", Error(render));
        Assert.Equal("the user's only master", File.ReadAllText(master));
        Assert.Equal(written, File.GetLastWriteTimeUtc(master));
        Assert.Single(Directory.GetFiles(_other));
    }

    [Fact]
    public async Task A_render_outside_the_session_is_refused_and_one_by_plain_name_lands_in_renders()
    {
        string escape = Path.Combine(_other, "escape.wav");
        string relativeEscape = Path.GetRelativePath(_dir, escape);

        var (turn, _) = await Turn("render it",
            ("mix-render", Args("output_file", relativeEscape)),
            ("mix-render", Args("output_file", "~/escape.wav")),
            ("mix-render", Args("output_file", "final_master.wav")));

        Assert.Contains("names a folder", Error(turn.Calls[0]));
        Assert.Contains("absolute path", Error(turn.Calls[1]));
        Assert.False(File.Exists(escape));
        Assert.True(turn.Calls[2].Ok, turn.Calls[2].Result);
        Assert.Equal(Path.Combine(_dir, "renders", "final_master.wav"), JsonNode.Parse(turn.Calls[2].Result)!["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_render_aimed_at_a_stem_never_touches_it()
    {
        string stem = _session.StemPath(_session.ResolveTrack("Kick"));
        byte[] before = File.ReadAllBytes(stem);

        var (turn, _) = await Turn("export the mix", ("mix-render", Args("output_file", stem)), ("mix-render", Args("output_file", "Kick.wav")));

        Assert.False(turn.Calls[0].Ok);
        Assert.Equal(Path.Combine(_dir, "renders", "Kick.wav"), JsonNode.Parse(turn.Calls[1].Result)!["file"]!.GetValue<string>());
        Assert.Equal(before, File.ReadAllBytes(stem));
    }

    [Fact]
    public async Task Reading_etc_shadow_or_a_secret_as_a_reference_is_refused_and_nothing_of_it_is_echoed()
    {
        string secret = Path.Combine(_other, "notes.wav");
        File.WriteAllText(secret, Secret);

        var (turn, server) = await Turn("make it sound like my favourite record",
            ("mix-match_reference", Args("reference_file", "/etc/shadow")),
            ("mix-match_reference", Args("reference_file", secret)),
            ("mix-match_reference", Args("reference_file", "../../../../../../etc/passwd")));

        Assert.All(turn.Calls, e => Assert.Contains("not a file the user named", Error(e)));
        Assert.Empty(_session.References);
        string everything = string.Join("\n", server.Requests.Select(r => r.Body)) + turn.Reply + string.Join("\n", turn.Calls.Select(e => e.Result));
        Assert.DoesNotContain(Secret, everything);
        Assert.DoesNotContain("root:x:0:0", everything);
        if (File.Exists("/etc/shadow"))
            try { Assert.DoesNotContain(File.ReadLines("/etc/shadow").First(), everything); }
            catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Out_of_range_values_NaN_broken_JSON_unknown_tools_and_fake_tracks_are_refused_and_nothing_changes()
    {
        var (turn, _) = await Turn("make the kick punchier",
            ("mix-set_gain", """{"track": "Kick", "delta_db": 99}"""),
            ("mix-set_pan", """{"track": "Kick", "pan": -7}"""),
            ("mix-set_gain", """{"track": "Kick", "gain_db": NaN}"""),
            ("mix-set_gain", """{"track": "Kick", "gain_db": "NaN"}"""),
            ("mix-set_gain", """{"track": "Kick", "gain_db": "-Infinity"}"""),
            ("mix-set_gain", """{"track": "Kick", "delta_db": """),
            ("mix-delete_stems", "{}"),
            ("shell-exec", """{"cmd": "rm -rf ~"}"""),
            ("mix-set_gain", """{"track": "Cowbell", "delta_db": 3}"""));

        Assert.All(turn.Calls, e => Assert.False(e.Ok, e.Tool + " " + e.Arguments + " -> " + e.Result));
        Assert.Contains(turn.Refusals, r => r.Contains("delta_db must be within"));
        Assert.Contains(turn.Refusals, r => r.Contains("pan must be"));
        Assert.Contains(turn.Refusals, r => r.Contains("not valid JSON"));
        Assert.Contains(turn.Refusals, r => r.Contains("delete_stems"));
        Assert.Contains(turn.Refusals, r => r.Contains("shell"));
        Assert.Contains("Cowbell", Error(turn.Calls[^1]));
        Assert.Null(_session.Pending);
        Assert.Equal(0, _session.Console.Track("Kick").GainDb);
        Assert.Empty(_session.History.ChangeSets);
    }

    [Fact]
    public async Task Commit_and_undo_without_the_users_yes_are_refused()
    {
        _runner.Invoke(ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Lead Vocal", DeltaDb: 2)));
        _runner.Invoke(ToolCall.Create(ToolNames.Commit));
        Assert.Equal(2, _session.Console.Track("Lead Vocal").GainDb);

        var (sneaky, _) = await Turn("the kick could be a bit louder",
            ("mix-set_gain", """{"track": "Kick", "delta_db": 2}"""), ("mix-commit", "{}"), ("mix-undo", "{}"), ("mix-redo", "{}"));

        Assert.Contains(sneaky.Refusals, r => r.Contains("has not confirmed"));
        Assert.Contains(sneaky.Refusals, r => r.Contains("did not ask to undo"));
        Assert.Contains(sneaky.Refusals, r => r.Contains("did not ask to redo"));
        Assert.False(sneaky.Committed);
        Assert.Equal(2, _session.Console.Track("Lead Vocal").GainDb);
        Assert.Equal(0, _session.Console.Track("Kick").GainDb);
        Assert.Single(_session.History.ChangeSets);

        // When the user does ask, the same call runs.
        _runner.Invoke(ToolCall.Create(ToolNames.Discard));
        var (asked, _) = await Turn("undo that", ("mix-undo", "{}"));
        Assert.Empty(asked.Refusals);
        Assert.Equal(0, _session.Console.Track("Lead Vocal").GainDb);
    }

    [Fact]
    public async Task An_endless_tool_loop_is_stopped_after_the_round_limit()
    {
        var rounds = Enumerable.Range(0, new AgentOptions().MaxToolRounds).Select(_ => FakeChatServer.OpenAIToolCalls(("mix-list_tracks", "{}"))).ToList();
        var server = new FakeChatServer(rounds);
        _servers.Add(server);
        var agent = new MixAgent(_session, _runner, ChatBackends.Create(
            new BackendConfiguration(BackendKind.OpenAI, new Uri(server.BaseUri, "v1").ToString(), "test-model", ApiKey, 6000)));

        var turn = await agent.AskAsync("what tracks are there?");
        _turns.Add(turn);

        Assert.Contains("I stopped after", turn.Reply);
        Assert.Equal(new AgentOptions().MaxToolRounds, turn.Calls.Count);
        Assert.Equal(0, server.Remaining);
        Assert.Null(_session.Pending);
    }
}
