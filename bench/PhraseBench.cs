using System.Diagnostics;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Evaluation;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Plugin;

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
        // The peer in the same run: the rules alone, as the interpreter read before the learned reader.
        SharedRequestSets(new LocalInterpreter(), sessions, dir, "rules alone");
        var loadClock = Stopwatch.StartNew();
        var interpreter = new LocalInterpreter { Reader = RequestReaderLoader.Load(Console.Out) };
        var firstTurn = interpreter.Interpret("the kick sounds a tad harsh", InterpreterContext.For(sessions["band"]));
        Console.WriteLine($"first turn with the reader's load (encoder + heads): {loadClock.Elapsed.TotalMilliseconds:0} ms" +
                          (interpreter.Reader is null ? " (no reader: model files missing)" : ""));
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
        SharedRequestSets(interpreter, sessions, dir, "learned reader + rules");

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
        Console.WriteLine($"local turn latency, interpreter with the reader, over {times.Count} requests: {Stats(times)}, p50 {times[times.Count / 2]:0.00} ms (target p95 <= 30 ms)");
        Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB (target for a chat process <= 400 MB)");
        AgentTurns(all.Where(c => c.Session == "band").Select(c => c.Text).Distinct().ToList(), sessions["band"]);
        return 0;
    }

    /// <summary>
    /// Whole local turns through the agent: interpret, check, run the calls through the plugin, save the
    /// proposal and the conversation memory (fsync included, on the temp folder's disk). Stem analyses are
    /// cached before timing: the issue's budget excludes audio analysis.
    /// </summary>
    private static void AgentTurns(IReadOnlyList<string> texts, IReadOnlyList<TrackInfo> tracks)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mixwright-bench-agent-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (session, engine) = SyntheticSession.Create(dir, tracks.Select(t => (t.Name, t.Role)));
            var runner = new ToolRunner(new MixTools(session, engine, new DescriptorResolver(PromptLibrary.Default)));
            foreach (var stem in session.Stems) runner.Invoke(ToolCall.Create(ToolNames.AnalyzeTrack, new TrackArgs(stem.Name)));
            var agent = new MixAgent(session, runner, MixAgent.LocalBackend);
            var times = new List<double>();
            var rendering = new List<double>();
            var clock = new Stopwatch();
            foreach (string text in texts.Take(5)) Reset(agent, text);   // warm-up
            foreach (string text in texts)
            {
                clock.Restart();
                var turn = agent.AskAsync(text).GetAwaiter().GetResult();
                double ms = clock.Elapsed.TotalMilliseconds;
                // Turns that render the mix to measure it (analyze_mix, compare, render) are outside the budget.
                (turn.Calls.Any(c => c.Tool is ToolNames.AnalyzeMix or ToolNames.Compare or ToolNames.Render) ? rendering : times).Add(ms);
                if (session.Pending is not null) session.Discard();
            }
            times.Sort();
            rendering.Sort();
            Console.WriteLine($"whole local agent turn (interpret, check, plugin, one fsync'd save) over {times.Count} requests: {Stats(times)} (target < 50 ms)");
            if (rendering.Count > 0) Console.WriteLine($"  turns that render the mix to measure it ({rendering.Count}, outside the budget): {Stats(rendering)}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Reset(MixAgent agent, string text)
    {
        agent.AskAsync(text).GetAwaiter().GetResult();
        if (agent.Session.Pending is not null) agent.Session.Discard();
    }

    /// <summary>
    /// shared/requests judged from the starting console: dev.jsonl whole, real-dev.jsonl in its training part and
    /// its validation part (split by source, training/reader/real_dev_split.json), each failure listed.
    /// </summary>
    private static void SharedRequestSets(LocalInterpreter interpreter, IReadOnlyDictionary<string, IReadOnlyList<TrackInfo>> sessions, string phraseDir, string label)
    {
        Console.WriteLine($"== shared request sets, {label}");
        if (RequestSets.FindSharedRequests() is not { } shared)
        {
            Console.WriteLine("shared/requests not found beside the repository (set MIXWRIGHT_SHARED): request sets skipped");
            return;
        }
        string root = Path.GetFullPath(Path.Combine(phraseDir, "..", "..", ".."));
        var validation = RequestSets.ValidationSources(root);
        using var evaluator = new PhraseEvaluator(interpreter, sessions, midMixBaseline: false);
        var dev = PhraseFiles.Load(Path.Combine(shared, "dev.jsonl"));
        var real = PhraseFiles.Load(Path.Combine(shared, "real-dev.jsonl"));
        var sources = File.ReadLines(Path.Combine(shared, "real-dev.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => RequestSets.SourceKey(System.Text.Json.Nodes.JsonNode.Parse(l)!["source"]?.GetValue<string>() ?? "")).ToList();
        var held = real.Where((c, i) => validation.Contains(sources[i])).ToList();
        var trained = real.Where((c, i) => !validation.Contains(sources[i])).ToList();
        foreach (var score in new[] { RequestSets.Judge("shared dev.jsonl", dev, evaluator), RequestSets.Judge("real-dev training part", trained, evaluator), RequestSets.Judge("real-dev validation (sources never trained on)", held, evaluator) })
        {
            Console.WriteLine(score);
            foreach (var r in score.Results.Where(r => !r.Passed))
                Console.WriteLine($"  FAIL {r.Case.File}:{r.Case.Line}{(RequestSets.IsReversed(r.Case, r.Effects ?? []) ? " REVERSED" : "")} \"{r.Case.Text}\": {r.Detail}");
        }
    }

    private static string Stats(List<double> sorted) =>
        $"mean {sorted.Average():0.00} ms, p95 {sorted[(int)(0.95 * (sorted.Count - 1))]:0.00} ms, max {sorted[^1]:0.00} ms";

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
