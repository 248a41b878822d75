using System.Diagnostics;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Evaluation;

namespace Mixwright.Bench;

/// <summary>
/// Issue 4's figures: the local interpreter's accuracy per category on real console state (each request's
/// calls run through the plugin on a session over synthetic stems, committed, and the console compared) for
/// the dev set, our suite and the held-out slices; and the latency of one local turn (the interpreter alone,
/// no audio), mean, p95 and max over every request, target under 50 ms.
/// </summary>
internal static class PhraseBench
{
    private static readonly string[] Files = ["dev.jsonl", "phrases.jsonl", "heldout.jsonl", "heldout-late.jsonl"];

    public static int Run(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : FindPhraseDirectory();
        var sessions = PhraseFiles.LoadSessions(Path.Combine(dir, "sessions.json"));
        var interpreter = new LocalInterpreter();
        using var evaluator = new PhraseEvaluator(interpreter, sessions);
        var all = new List<PhraseCase>();
        var clock = Stopwatch.StartNew();
        foreach (string file in Files)
        {
            var cases = PhraseFiles.Load(Path.Combine(dir, file));
            all.AddRange(cases);
            var results = cases.Select(evaluator.Run).ToList();
            Console.WriteLine($"{file}: {results.Count(r => r.Passed)}/{results.Count} ({100.0 * results.Count(r => r.Passed) / results.Count:0.0} %) on real console state");
            foreach (var group in results.GroupBy(r => r.Case.Category).OrderBy(g => g.Key))
                Console.WriteLine($"  {group.Key,-14} {group.Count(r => r.Passed),3}/{group.Count(),-3} {100.0 * group.Count(r => r.Passed) / group.Count(),5:0.0} %");
            foreach (var r in results.Where(r => !r.Passed))
                Console.WriteLine($"  FAIL {r.Case.File}:{r.Case.Line} \"{r.Case.Text}\": {r.Detail}");
        }
        Console.WriteLine($"evaluation (sessions, tool calls, commits, comparisons): {clock.Elapsed.TotalSeconds:0.0} s");

        foreach (var c in all) interpreter.Interpret(c.Text, InterpreterContext.For(sessions[c.Session]));   // warm-up
        var times = new List<double>();
        var turn = new Stopwatch();
        foreach (var c in all)
        {
            var ctx = InterpreterContext.For(sessions[c.Session]);
            turn.Restart();
            interpreter.Interpret(c.Text, ctx);
            times.Add(turn.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"local turn latency over {times.Count} requests: mean {times.Average():0.00} ms, p95 {times[(int)(0.95 * (times.Count - 1))]:0.00} ms, max {times[^1]:0.00} ms (target < 50 ms)");
        return 0;
    }

    private static string FindPhraseDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "tests", "Assistant.Tests", "Agent");
            if (File.Exists(Path.Combine(candidate, "phrases.jsonl"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Assistant.Tests/Agent (the phrase files) was not found above the bench's folder; pass its path.");
    }
}
