using Mixwright.Bench;

// Each benchmark prints its figure as a ratio against a peer measured in the same run.
var benches = new Dictionary<string, Func<string[], int>>
{
    ["render"] = RenderBench.Run,
    ["render-child"] = RenderBench.RunChild,
};
string name = args.Length > 0 ? args[0] : "render";
if (!benches.TryGetValue(name, out var bench))
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; available: {string.Join(", ", benches.Keys.Where(k => !k.EndsWith("-child")))}");
    return 2;
}
return bench(args.Skip(1).ToArray());
