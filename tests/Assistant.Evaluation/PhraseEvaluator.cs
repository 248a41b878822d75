using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Embeddings.Roles;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Evaluation;

/// <summary>
/// Judges the local interpreter on real console state. Each suite session is built once over synthetic
/// role-shaped stems and brought to a mid-mix baseline (reverb sends at -20 dB, a step of compression on
/// every track, small pan offsets); every case starts from that baseline, replays its earlier turns
/// ("before": said and committed; "pending": said, not confirmed; "asked": answered by a question), then
/// runs the interpreter's calls through the Semantic Kernel plugin, commits, and compares the console before
/// and after with <see cref="ConsoleEffects"/>. Tracks not named in the expectation must stay as they were,
/// except that a track of the same instrument family as a named one may get exactly the same treatment.
/// </summary>
public sealed class PhraseEvaluator : IDisposable
{
    private readonly LocalInterpreter _interpreter;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TrackInfo>> _sessions;
    private readonly string _root;
    private readonly Dictionary<string, Prepared> _prepared = new(StringComparer.Ordinal);
    private readonly bool _midMixBaseline;

    private sealed record Prepared(MixSession Session, byte[] Baseline, ToolRunner Runner, ConsoleEffects Effects);

    /// <param name="midMixBaseline">
    /// True: every case starts from the mid-mix baseline (our own suites). False: from the starting console (sends
    /// off, compressors off), as the shared request sets are judged.
    /// </param>
    public PhraseEvaluator(LocalInterpreter interpreter, IReadOnlyDictionary<string, IReadOnlyList<TrackInfo>> sessions, string? workDirectory = null, bool midMixBaseline = true)
    {
        _interpreter = interpreter;
        _midMixBaseline = midMixBaseline;
        _sessions = sessions;
        // Every proposal is saved with fsync; on tmpfs that costs nothing, which keeps hundreds of cases quick.
        string scratch = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _root = workDirectory ?? Path.Combine(scratch, "mixwright-phrases-" + Guid.NewGuid().ToString("N")[..10]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    public PhraseResult Run(PhraseCase c)
    {
        var p = Prepare(c.Session);
        File.WriteAllBytes(p.Session.FilePath, p.Baseline);
        p.Session.Reload();
        var ctx = InterpreterContext.For(_sessions[c.Session]);

        foreach (string turn in c.Before)
        {
            var said = _interpreter.Interpret(turn, ctx);
            if (said is not ToolCallsInterpretation calls) return Fail(c, $"setup turn \"{turn}\" gave {Describe(said)}", said);
            // No reference matcher is configured in this build: a reference named earlier is only remembered.
            if (Execute(p, calls.Calls.Where(x => x.Name != ToolNames.MatchReference)) is { } error) return Fail(c, $"setup turn \"{turn}\": {error}", said);
            if (calls.Calls.Any(x => x.Name is ToolNames.Undo or ToolNames.Redo)) { ctx = ctx with { LastChange = null }; continue; }
            if (p.Session.Pending is not null) p.Session.Commit();
            ctx = ctx with { LastChange = new ChangeRecord(calls.Calls, turn) };
            var references = calls.Calls.Where(x => x.Name == ToolNames.MatchReference).Select(x => x.GetString("reference_file")!).ToList();
            if (references.Count > 0) ctx = ctx with { References = [.. ctx.References ?? [], .. references] };
        }
        if (c.Pending is { } pending)
        {
            if (_interpreter.Interpret(pending, ctx) is not ToolCallsInterpretation proposal) return Fail(c, $"pending turn \"{pending}\" did not propose anything", null);
            if (Execute(p, proposal.Calls) is { } error) return Fail(c, $"pending turn \"{pending}\": {error}", proposal);
            ctx = ctx with { PendingProposal = new ChangeRecord(proposal.Calls, pending) };
        }
        if (c.Asked is { } asked)
        {
            if (_interpreter.Interpret(asked, ctx) is not QuestionInterpretation q) return Fail(c, $"asked turn \"{asked}\" did not ask a question", null);
            ctx = ctx with { PendingQuestion = q };
        }

        Interpretation result;
        try { result = _interpreter.Interpret(c.Text, ctx); }
        catch (Exception e) { return Fail(c, "threw " + e.GetType().Name + ": " + e.Message, null); }

        string kind = KindOf(result);
        string expectedKind = c.Expect["kind"]!.GetValue<string>();
        if (kind != expectedKind) return Fail(c, $"expected {expectedKind}, got {Describe(result)}", result);
        var toolCalls = (result as ToolCallsInterpretation)?.Calls ?? [];

        if (kind == "commit" && c.Expect["tracks"] is JsonArray wanted)
        {
            var commit = toolCalls.First(x => x.Name == ToolNames.Commit);
            var got = commit.Arguments["tracks"]?.AsArray().Select(x => x!.GetValue<string>()).Order().ToList() ?? [];
            var want = wanted.Select(x => x!.GetValue<string>()).Order().ToList();
            if (!got.SequenceEqual(want)) return Fail(c, $"commit tracks [{string.Join(", ", got)}], expected [{string.Join(", ", want)}]", result);
        }
        if (kind is "commit" or "explain")
        {
            // Confirmations and questions must also work on the real session: the calls run and answer.
            if (Execute(p, toolCalls.Where(x => x.Name != ToolNames.Render)) is { } error) return Fail(c, error, result);
            return new PhraseResult(c, true, Describe(result), result);
        }
        if (kind != "change") return new PhraseResult(c, true, Describe(result), result);

        var before = p.Session.Console;
        if (Execute(p, toolCalls) is { } failed) return Fail(c, failed, result);
        if (p.Session.Pending is null) return Fail(c, "nothing was proposed", result);
        p.Session.Commit();
        var effects = p.Effects.Compare(before, p.Session.Console);
        if (c.Expect["changes"] is not JsonArray changes) return new PhraseResult(c, true, string.Join(", ", effects), result, effects);
        return Judge(c, changes, effects, _sessions[c.Session], result);
    }

    /// <summary>Runs the calls in order; the first error, if any.</summary>
    private static string? Execute(Prepared p, IEnumerable<ToolCall> calls)
    {
        foreach (var call in calls)
        {
            string json = p.Runner.Invoke(call);
            if (!ToolRunner.IsOk(json, out string? error)) return $"{call.Name} failed: {error}";
        }
        return null;
    }

    private Prepared Prepare(string name)
    {
        if (_prepared.TryGetValue(name, out var ready)) return ready;
        var tracks = _sessions[name];
        var (session, engine) = SyntheticSession.Create(Path.Combine(_root, name), tracks.Select(t => (t.Name, t.Role)));
        var tools = new MixTools(session, engine, new DescriptorResolver(PromptLibrary.Default));
        var runner = new ToolRunner(tools);
        var analyses = StemAnalyses.For(session, engine);
        var levels = session.Stems.ToDictionary(s => s.Name, s => { var a = analyses.Analyze(s); return (a.RmsDbfs, a.SamplePeakDbfs); }, StringComparer.OrdinalIgnoreCase);

        // The mid-mix baseline, committed as one change set so the history has something to explain.
        for (int i = 0; i < (_midMixBaseline ? tracks.Count : 0); i++)
        {
            string track = tracks[i].Name;
            Require(runner.Invoke(ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(track, SendDb: -20))));
            Require(runner.Invoke(ToolCall.Create(ToolNames.SetCompressor, new SetCompressorArgs(track, Steps: 1))));
            Require(runner.Invoke(ToolCall.Create(ToolNames.SetPan, new SetPanArgs(track, Pan: i % 2 == 0 ? -0.1 : 0.1))));
            if (RoleLexicon.Default.Normalize(tracks[i].Role)?.Family == "bass")
                Require(runner.Invoke(ToolCall.Create(ToolNames.SetEqBand, new SetEqBandArgs(track, "low_shelf", 80, GainDb: 2))));
        }
        if (_midMixBaseline) session.Commit("Rough mix: sends, gentle compression, pans");
        var prepared = new Prepared(session, File.ReadAllBytes(session.FilePath), runner, new ConsoleEffects(engine, session.SampleRate, levels));
        _prepared[name] = prepared;
        return prepared;
    }

    private static void Require(string toolResult)
    {
        if (!ToolRunner.IsOk(toolResult, out string? error)) throw new InvalidOperationException("Baseline step failed: " + error);
    }

    private static PhraseResult Judge(PhraseCase c, JsonArray changes, List<Effect> effects, IReadOnlyList<TrackInfo> tracks, Interpretation result)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var o = change!.AsObject();
            string track = o["track"]!.GetValue<string>();
            named.Add(track);
            var alternatives = o["any_of"] is JsonArray any
                ? any.Select(a => (a!["what"]!.GetValue<string>(), a["dir"]!.GetValue<string>())).ToList()
                : [(o["what"]!.GetValue<string>(), o["dir"]!.GetValue<string>())];
            if (!alternatives.Any(alt => effects.Contains(new Effect(track, alt.Item1, alt.Item2))))
                return Fail(c, $"missing {track} {string.Join(" | ", alternatives.Select(a => a.Item1 + " " + a.Item2))}; effects: {string.Join(", ", effects)}", result, effects);
        }
        var family = tracks.ToDictionary(t => t.Name, t => RoleLexicon.Default.Normalize(t.Role)?.Family ?? t.Name, StringComparer.Ordinal);
        foreach (var group in effects.GroupBy(e => e.Track))
        {
            if (named.Contains(group.Key)) continue;
            var set = group.Select(e => e.What + " " + e.Dir).Order().ToList();
            bool sameTreatment = group.Key != "master" && named.Where(n => n != "master" && family.GetValueOrDefault(n) == family.GetValueOrDefault(group.Key))
                .Any(n => effects.Where(e => e.Track == n).Select(e => e.What + " " + e.Dir).Order().SequenceEqual(set));
            if (!sameTreatment) return Fail(c, $"unexpected change on {group.Key}: {string.Join(", ", group)}", result, effects);
        }
        return new PhraseResult(c, true, string.Join(", ", effects), result, effects);
    }

    public static string KindOf(Interpretation interpretation) => interpretation switch
    {
        QuestionInterpretation => "question",
        ReplyInterpretation => "reply",
        ToolCallsInterpretation t when t.Calls.Any(c => ToolNames.Changing.Contains(c.Name) && c.Name != ToolNames.MatchReference) => "change",
        ToolCallsInterpretation t when t.Calls.Any(c => c.Name == ToolNames.MatchReference) => "reference",
        ToolCallsInterpretation t when t.Calls.Any(c => c.Name == ToolNames.Commit) => "commit",
        ToolCallsInterpretation t when t.Calls.Any(c => c.Name == ToolNames.Undo) => "undo",
        ToolCallsInterpretation t when t.Calls.Any(c => c.Name == ToolNames.Redo) => "redo",
        ToolCallsInterpretation t when t.Calls.Any(c => c.Name == ToolNames.Discard) => "discard",
        ToolCallsInterpretation t when t.Calls.Any(c => c.Name == ToolNames.Render) => "render",
        ToolCallsInterpretation => "explain",
        _ => "unknown",
    };

    public static string Describe(Interpretation? i) => i switch
    {
        QuestionInterpretation q => $"question \"{q.Question}\" [{string.Join(" | ", q.Options.Select(o => o.Label))}]",
        ReplyInterpretation r => $"reply ({r.Kind}) \"{r.Text}\"",
        ToolCallsInterpretation t => string.Join(" ", t.Calls),
        null => "nothing",
        _ => i.ToString()!,
    };

    private static PhraseResult Fail(PhraseCase c, string detail, Interpretation? result, IReadOnlyList<Effect>? effects = null) => new(c, false, detail, result, effects);
}
