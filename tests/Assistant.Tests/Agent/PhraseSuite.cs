using System.Text.Json;
using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Roles;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>One line of a phrase file (dev.jsonl format plus category, session, pending and asked).</summary>
public sealed record PhraseCase(
    string File,
    int Line,
    string Category,
    string Session,
    string Text,
    IReadOnlyList<string> Before,
    string? Pending,
    string? Asked,
    JsonObject Expect);

/// <summary>The verdict on one case, with the reason when it failed.</summary>
public sealed record PhraseResult(PhraseCase Case, bool Passed, string Detail, Interpretation? Interpretation);

/// <summary>
/// Loads phrase files and judges the interpreter on them. A case replays its earlier turns ("before":
/// said and confirmed; "pending": said, not yet confirmed; "asked": answered by a question), then
/// interprets the text and checks the kind of answer and, for changes, the effects on a
/// <see cref="ConsoleModel"/>. Tracks not named in the expectation must stay as they were, with one
/// allowance: a track of the same instrument family as a named track may receive exactly the same
/// treatment (so "make the drums punchier" may change the snare like the kick).
/// </summary>
public sealed class PhraseSuite
{
    private readonly LocalInterpreter _interpreter;
    private readonly DescriptorLexicon _lexicon;
    private readonly Dictionary<string, List<TrackInfo>> _sessions;

    public PhraseSuite(LocalInterpreter interpreter, string sessionsPath)
    {
        _interpreter = interpreter;
        _lexicon = interpreter.Descriptors;
        var doc = JsonNode.Parse(System.IO.File.ReadAllText(sessionsPath))!.AsObject();
        _sessions = doc.ToDictionary(p => p.Key, p => p.Value!.AsArray()
            .Select(t => new TrackInfo(t!["name"]!.GetValue<string>(), t["role"]?.GetValue<string>())).ToList());
    }

    public IReadOnlyList<TrackInfo> Tracks(string session) => _sessions[session];

    public static List<PhraseCase> Load(string path)
    {
        var cases = new List<PhraseCase>();
        int line = 0;
        foreach (string raw in System.IO.File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            JsonObject o;
            try { o = JsonNode.Parse(raw)!.AsObject(); }
            catch (JsonException e) { throw new InvalidDataException($"{Path.GetFileName(path)}:{line}: {e.Message}"); }
            cases.Add(new PhraseCase(Path.GetFileName(path), line,
                o["category"]?.GetValue<string>() ?? "dev",
                o["session"]?.GetValue<string>() ?? "band",
                o["text"]!.GetValue<string>(),
                o["before"]?.AsArray().Select(b => b!.GetValue<string>()).ToList() ?? [],
                o["pending"]?.GetValue<string>(),
                o["asked"]?.GetValue<string>(),
                o["expect"]!.AsObject()));
        }
        return cases;
    }

    public PhraseResult Run(PhraseCase c)
    {
        var tracks = _sessions[c.Session];
        var ctx = InterpreterContext.For(tracks);
        var model = new ConsoleModel(tracks.Select(t => t.Name), _lexicon);
        foreach (string turn in c.Before)
        {
            var said = _interpreter.Interpret(turn, ctx);
            if (said is not ToolCallsInterpretation calls) return Fail(c, $"setup turn \"{turn}\" gave {Describe(said)}", said);
            if (calls.Calls.Any(x => x.Name is ToolNames.Undo or ToolNames.Redo)) { ctx = ctx with { LastChange = null }; continue; }
            foreach (var call in calls.Calls) model.Apply(call);
            ctx = ctx with { LastChange = new ChangeRecord(calls.Calls, turn) };
            var references = calls.Calls.Where(x => x.Name == ToolNames.MatchReference).Select(x => x.GetString("reference")!).ToList();
            if (references.Count > 0) ctx = ctx with { References = [.. ctx.References ?? [], .. references] };
        }
        if (c.Pending is { } pending)
        {
            if (_interpreter.Interpret(pending, ctx) is not ToolCallsInterpretation proposal)
                return Fail(c, $"pending turn \"{pending}\" did not propose anything", null);
            ctx = ctx with { PendingProposal = new ChangeRecord(proposal.Calls, pending) };
        }
        if (c.Asked is { } asked)
        {
            if (_interpreter.Interpret(asked, ctx) is not QuestionInterpretation q)
                return Fail(c, $"asked turn \"{asked}\" did not ask a question", null);
            ctx = ctx with { PendingQuestion = q };
        }

        Interpretation result;
        try { result = _interpreter.Interpret(c.Text, ctx); }
        catch (Exception e) { return Fail(c, "threw " + e.GetType().Name + ": " + e.Message, null); }

        string kind = KindOf(result);
        string expectedKind = c.Expect["kind"]!.GetValue<string>();
        if (kind != expectedKind) return Fail(c, $"expected {expectedKind}, got {Describe(result)}", result);

        if (kind == "commit" && c.Expect["tracks"] is JsonArray wanted)
        {
            var commit = ((ToolCallsInterpretation)result).Calls.First(x => x.Name == ToolNames.Commit);
            var got = commit.Arguments["tracks"]?.AsArray().Select(x => x!.GetValue<string>()).Order().ToList() ?? [];
            var want = wanted.Select(x => x!.GetValue<string>()).Order().ToList();
            if (!got.SequenceEqual(want)) return Fail(c, $"commit tracks [{string.Join(", ", got)}], expected [{string.Join(", ", want)}]", result);
        }
        if (kind != "change" || c.Expect["changes"] is not JsonArray changes) return new PhraseResult(c, true, Describe(result), result);

        var after = model.Clone();
        try
        {
            foreach (var call in ((ToolCallsInterpretation)result).Calls) after.Apply(call);
        }
        catch (Exception e) { return Fail(c, e.Message, result); }
        var effects = EffectEstimator.Compare(model, after);
        return Judge(c, changes, effects, tracks, result);
    }

    private PhraseResult Judge(PhraseCase c, JsonArray changes, List<Effect> effects, IReadOnlyList<TrackInfo> tracks, Interpretation result)
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
                return Fail(c, $"missing {track} {string.Join(" | ", alternatives.Select(a => a.Item1 + " " + a.Item2))}; effects: {string.Join(", ", effects)}", result);
        }
        var family = tracks.ToDictionary(t => t.Name, t => RoleLexicon.Default.Normalize(t.Role)?.Family ?? t.Name, StringComparer.Ordinal);
        foreach (var group in effects.GroupBy(e => e.Track))
        {
            if (named.Contains(group.Key)) continue;
            var set = group.Select(e => e.ToString()[(group.Key.Length + 1)..]).Order().ToList();
            bool sameTreatment = group.Key != "master" && named.Where(n => n != "master" && family.GetValueOrDefault(n) == family.GetValueOrDefault(group.Key))
                .Any(n => effects.Where(e => e.Track == n).Select(e => e.ToString()[(n.Length + 1)..]).Order().SequenceEqual(set));
            if (!sameTreatment) return Fail(c, $"unexpected change on {group.Key}: {string.Join(", ", group)}", result);
        }
        return new PhraseResult(c, true, string.Join(", ", effects), result);
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

    private static PhraseResult Fail(PhraseCase c, string detail, Interpretation? result) => new(c, false, detail, result);
}
