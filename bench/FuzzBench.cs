using System.Diagnostics;
using System.Globalization;
using Mixwright.Assistant.Evaluation;

namespace Mixwright.Bench;

/// <summary>
/// Issue 12's fuzz figure: N mutated WAV and non-WAV files (<see cref="WavMutator"/>, seeded) through the function
/// `mixwright analyze --json` runs, counting crashes, hangs, NaN in the JSON, refusals that do not name the file and
/// refusals that show internal text (all must be 0), and files per second against ffprobe, the peer, on the same
/// files in the same run. ffprobe starts a process per file, so it reads every k-th file only (--peer-every).
/// Usage: bench fuzz [files=10000] [seed=12] [peer-every=10]
/// </summary>
internal static class FuzzBench
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        int files = args.Length > 0 ? int.Parse(args[0], inv) : 10_000;
        int seed = args.Length > 1 ? int.Parse(args[1], inv) : 12;
        int peerEvery = args.Length > 2 ? int.Parse(args[2], inv) : 10;
        string work = Path.Combine(Path.GetTempPath(), $"mixwright-fuzz-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var mutator = new WavMutator(seed);
            var paths = new List<string>(files);
            for (int i = 0; i < files; i++)
            {
                var (name, bytes) = mutator.Next(i);
                string path = Path.Combine(work, name);
                File.WriteAllBytes(path, bytes);
                paths.Add(path);
            }
            Console.WriteLine($"fuzz bench: {files} mutated files ({WavMutator.Kinds.Length} kinds of damage, seed {seed}) through `analyze --json`'s function");

            var counts = Enum.GetValues<FuzzVerdict>().ToDictionary(v => v, _ => 0);
            var examples = new Dictionary<FuzzVerdict, string>();
            var clock = Stopwatch.StartNew();
            foreach (string path in paths)
            {
                var (verdict, text) = AnalyzeFuzzCheck.Check(path, TimeSpan.FromSeconds(30));
                counts[verdict]++;
                if (verdict is not (FuzzVerdict.Measured or FuzzVerdict.Refused)) examples.TryAdd(verdict, $"{Path.GetFileName(path)}: {text}");
            }
            double ours = clock.Elapsed.TotalSeconds;

            var peerPaths = paths.Where((_, i) => i % peerEvery == 0).ToList();
            double? peer = null;
            int peerRefused = 0;
            if (Which("ffprobe") is { } ffprobe)
            {
                clock.Restart();
                foreach (string path in peerPaths)
                {
                    var psi = new ProcessStartInfo(ffprobe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                    foreach (string a in new[] { "-v", "error", "-of", "json", "-show_streams", "-show_format", path }) psi.ArgumentList.Add(a);
                    using var p = Process.Start(psi)!;
                    var err = p.StandardError.ReadToEndAsync();
                    p.StandardOutput.ReadToEnd();
                    p.WaitForExit();
                    _ = err.Result;
                    if (p.ExitCode != 0) peerRefused++;
                }
                peer = clock.Elapsed.TotalSeconds;
            }

            Console.WriteLine(string.Create(inv, $"  measured {counts[FuzzVerdict.Measured]}, refused by name {counts[FuzzVerdict.Refused]}"));
            Console.WriteLine(string.Create(inv,
                $"  crashes {counts[FuzzVerdict.Crash]}, hangs {counts[FuzzVerdict.Hang]}, NaN in JSON {counts[FuzzVerdict.NaN]}, " +
                $"unnamed refusals {counts[FuzzVerdict.Unnamed]}, internal-text refusals {counts[FuzzVerdict.InternalText]}   (target: all 0)"));
            foreach (var (verdict, example) in examples) Console.WriteLine($"  first {verdict}: {example}");
            double oursRate = files / ours;
            Console.WriteLine(string.Create(inv, $"  mixwright analyze: {oursRate:0} files/s ({ours:0.0} s for {files}, reading, checking and measuring each)"));
            if (peer is double p2)
            {
                double peerRate = peerPaths.Count / p2;
                Console.WriteLine(string.Create(inv,
                    $"  peer ffprobe -show_streams: {peerRate:0} files/s ({p2:0.0} s for every {peerEvery}th file, {peerPaths.Count}; it refused {peerRefused}); ratio {oursRate / peerRate:0.0}x"));
            }
            else Console.WriteLine("  peer ffprobe: not installed (apt-get install ffmpeg), no ratio");
            bool held = counts[FuzzVerdict.Crash] + counts[FuzzVerdict.Hang] + counts[FuzzVerdict.NaN] + counts[FuzzVerdict.Unnamed] + counts[FuzzVerdict.InternalText] == 0;
            return held ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
