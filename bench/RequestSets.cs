using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Evaluation;

namespace Mixwright.Bench;

/// <summary>
/// The shared request sets (shared/requests: dev.jsonl, real-dev.jsonl) judged as the requests README says: on
/// the ten-stem session at its starting settings, console before and after the confirmed proposal. Besides
/// right/wrong it counts the misses that cost the most trust: a named parameter moved the opposite way to the
/// request, a question asked where a change was wanted, and a change made where a question was wanted.
/// </summary>
internal static class RequestSets
{
    public sealed record Score(string Name, int Cases, int Right, int Reversed, int QuestionInsteadOfChange, int ChangeInsteadOfQuestion, IReadOnlyList<PhraseResult> Results)
    {
        public override string ToString() =>
            $"{Name}: {Right}/{Cases} right ({100.0 * Right / Math.Max(1, Cases):0.0} %), {Reversed} moved the opposite way, " +
            $"{QuestionInsteadOfChange} questions where a change was asked, {ChangeInsteadOfQuestion} changes where a question was needed";
    }

    /// <summary>Where shared/ lies: beside the repository (../shared) or named by MIXWRIGHT_SHARED.</summary>
    public static string? FindSharedRequests()
    {
        if (Environment.GetEnvironmentVariable("MIXWRIGHT_SHARED") is { Length: > 0 } env) return Path.Combine(env, "requests");
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "shared", "requests");
            if (File.Exists(Path.Combine(candidate, "dev.jsonl"))) return candidate;
        }
        return null;
    }

    /// <summary>The sources of real-dev.jsonl kept for validation (training/reader/real_dev_split.json).</summary>
    public static HashSet<string> ValidationSources(string repositoryRoot)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "training", "reader", "real_dev_split.json")))!;
        return doc["validation_sources"]!.AsArray().Select(s => s!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A source's key as the split names it: the page's host, or a GitHub owner/repo.</summary>
    public static string SourceKey(string source)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri)) return source.Split(' ')[0];
        if (uri.Host == "github.com") return "github.com/" + string.Join('/', uri.AbsolutePath.Trim('/').Split('/').Take(2));
        return uri.Host;
    }

    public static Score Judge(string name, IReadOnlyList<PhraseCase> cases, PhraseEvaluator evaluator)
    {
        var results = new List<PhraseResult>();
        int right = 0, reversed = 0, questionInstead = 0, changeInstead = 0;
        foreach (var c in cases)
        {
            var r = evaluator.Run(c);
            string expected = c.Expect["kind"]!.GetValue<string>();
            // An answer from word knowledge is an explanation too: nothing changed, the user got an answer.
            if (!r.Passed && expected == "explain" && r.Interpretation is ReplyInterpretation { Kind: ReplyKind.Answer })
                r = r with { Passed = true };
            results.Add(r);
            if (r.Passed) right++;
            string got = r.Interpretation is null ? "unknown" : PhraseEvaluator.KindOf(r.Interpretation);
            if (expected == "change" && got == "question") questionInstead++;
            if (expected == "question" && got == "change") changeInstead++;
            if (expected == "change" && r.Effects is { } effects && IsReversed(c, effects)) reversed++;
        }
        return new Score(name, cases.Count, right, reversed, questionInstead, changeInstead, results);
    }

    /// <summary>True when a named parameter moved the opposite way to every direction the request allows for it.</summary>
    public static bool IsReversed(PhraseCase c, IReadOnlyList<Effect> effects)
    {
        if (c.Expect["changes"] is not JsonArray changes) return false;
        foreach (var change in changes)
        {
            var o = change!.AsObject();
            string track = o["track"]!.GetValue<string>();
            var alternatives = o["any_of"] is JsonArray any
                ? any.Select(a => (What: a!["what"]!.GetValue<string>(), Dir: a["dir"]!.GetValue<string>())).ToList()
                : [(What: o["what"]!.GetValue<string>(), Dir: o["dir"]!.GetValue<string>())];
            if (alternatives.Any(a => effects.Contains(new Effect(track, a.What, a.Dir)))) continue;
            if (alternatives.Any(a => Opposite(a.Dir) is { } opposite && effects.Contains(new Effect(track, a.What, opposite)))) return true;
        }
        return false;
    }

    private static string? Opposite(string dir) => dir switch
    {
        "up" => "down", "down" => "up", "more" => "less", "less" => "more", "left" => "right", "right" => "left",
        _ => null,
    };
}
