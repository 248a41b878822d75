using System.Diagnostics;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Evaluation;
using Xunit.Abstractions;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>Keeps the timing test from sharing the two CPU cores with the other test classes.</summary>
[CollectionDefinition(nameof(LatencyCollection), DisableParallelization = true)]
public sealed class LatencyCollection;

/// <summary>One local turn must take under 50 ms (the budget); measured over the whole phrase suite.</summary>
[Collection(nameof(LatencyCollection))]
public sealed class LatencyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_turn_of_the_suite_takes_under_50_ms()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Agent");
        var cases = PhraseFiles.Load(Path.Combine(dir, "phrases.jsonl")).Concat(PhraseFiles.Load(Path.Combine(dir, "dev.jsonl"))).ToList();
        var interpreter = new LocalInterpreter();
        var sessions = PhraseFiles.LoadSessions(Path.Combine(dir, "sessions.json"));
        foreach (var c in cases) interpreter.Interpret(c.Text, InterpreterContext.For(sessions[c.Session]));   // warm-up

        var medians = new List<(double Ms, string Text)>();
        var clock = new Stopwatch();
        foreach (var c in cases)
        {
            var ctx = InterpreterContext.For(sessions[c.Session]);
            var runs = new double[3];
            for (int i = 0; i < runs.Length; i++)
            {
                clock.Restart();
                interpreter.Interpret(c.Text, ctx);
                runs[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(runs);
            medians.Add((runs[1], c.Text));
        }
        var sorted = medians.OrderBy(m => m.Ms).ToList();
        double mean = sorted.Average(m => m.Ms);
        double p95 = sorted[(int)(0.95 * (sorted.Count - 1))].Ms;
        var slowest = sorted[^1];
        output.WriteLine($"{sorted.Count} turns: mean {mean:0.00} ms, median {sorted[sorted.Count / 2].Ms:0.00} ms, p95 {p95:0.00} ms, max {slowest.Ms:0.00} ms (\"{slowest.Text}\")");
        Assert.True(slowest.Ms < 50, $"\"{slowest.Text}\" took {slowest.Ms:0.0} ms");
    }
}
