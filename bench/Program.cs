using Mixwright.Bench;

// Each benchmark prints its figure as a ratio against a peer measured in the same run.
var benches = new Dictionary<string, Func<string[], int>>
{
    ["render"] = RenderBench.Run,
    ["render-child"] = RenderBench.RunChild,
    ["session"] = SessionBench.Run,
    ["session-child"] = SessionBench.RunChild,
    ["phrases"] = PhraseBench.Run,
    // `match DIR` runs the held-out human-made set (bench/heldout/make_heldout.sh); `match` alone our own synthesis.
    ["match"] = a => a.Length > 0 && Directory.Exists(a[0]) ? HumanMatchBench.Run(a) : MatchBench.Run(a),
    ["encoder"] = EncoderBench.Run,
    ["encoder-child"] = EncoderBench.RunChild,
    ["fuzz"] = FuzzBench.Run,
    ["check"] = CheckBench.Run,
    ["reader-probe"] = ReaderProbe.Run,
};
if (args.Length == 0)
{
    // No name: every benchmark, one after another.
    foreach (var (key, run) in benches.Where(b => !b.Key.EndsWith("-child")))
        if (run([]) != 0) return 1;
    return 0;
}
string name = args[0];
if (!benches.TryGetValue(name, out var bench))
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; available: {string.Join(", ", benches.Keys.Where(k => !k.EndsWith("-child")))}");
    return 2;
}
return bench(args.Skip(1).ToArray());
