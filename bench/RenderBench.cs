using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Bench;

/// <summary>
/// Issue 2's figure: render 16 stereo tracks of 3 minutes at 44.1 kHz with every track's full chain on
/// (high-pass, 6 EQ bands, compressor, pan, reverb send) plus the master bus, against sox doing the same
/// per-track work (gain + 6 equalizers + compand) and `sox -m` mixing. Our render runs in a child process so
/// its peak memory is its own.
/// </summary>
internal static class RenderBench
{
    private const int Tracks = 16;
    private const double Seconds = 180;
    private const int Rate = 44100;

    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        string work = Path.Combine(Path.GetTempPath(), "mixwright-bench");
        string stemsDir = Path.Combine(work, "stems");
        Console.WriteLine($"render bench: {Tracks} stereo tracks x {Seconds:0} s at {Rate} Hz, full chain on every track, {Environment.ProcessorCount} cores");
        var stems = SyntheticStems.Ensure(stemsDir, Tracks, Seconds, Rate);

        var ours = new List<(double Seconds, double PeakMiB)>();
        double cpuBefore = BenchProcess.ChildrenCpuSeconds();
        for (int i = 0; i < runs; i++) ours.Add(RunChildProcess(stemsDir, Path.Combine(work, "mix.wav")));
        double ourCpu = (BenchProcess.ChildrenCpuSeconds() - cpuBefore) / runs;
        var best = ours.MinBy(o => o.Seconds);

        cpuBefore = BenchProcess.ChildrenCpuSeconds();
        double sox = RunSox(stems, work);
        double soxCpu = BenchProcess.ChildrenCpuSeconds() - cpuBefore;
        double audio = Seconds;
        Console.WriteLine($"mixwright render: best {best.Seconds:0.000} s of {runs} (" +
                          string.Join(", ", ours.Select(o => o.Seconds.ToString("0.000", CultureInfo.InvariantCulture))) + ")");
        Console.WriteLine($"sox (16 x gain+6 equalizer+compand, 2 in parallel, then sox -m): {sox:0.000} s");
        Console.WriteLine($"real-time factor: {audio / best.Seconds:0.0}x (target >= 150x)");
        Console.WriteLine($"speed vs sox: {sox / best.Seconds:0.0}x faster (target >= 5x)");
        Console.WriteLine($"CPU time: mixwright {ourCpu:0.00} CPU-s per render (process start-up included), sox {soxCpu:0.00} CPU-s: {soxCpu / ourCpu:0.0}x less CPU");
        Console.WriteLine($"real-time factor from CPU time spread over {Environment.ProcessorCount} cores: {audio * Environment.ProcessorCount / ourCpu:0.0}x");
        Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (wall times above are only meaningful on an idle machine)");
        Console.WriteLine($"peak memory of the render process: {ours.Max(o => o.PeakMiB):0} MiB (limit 1024 MiB)");
        return 0;
    }

    /// <summary>The child: renders and prints its elapsed time and peak resident memory.</summary>
    public static int RunChild(string[] args)
    {
        string stemsDir = args[0], output = args[1];
        var stems = Directory.GetFiles(stemsDir, "track*.wav").Order().ToList();
        var mix = BenchMix(stems);
        var clock = Stopwatch.StartNew();
        // The options `mixwright render` uses (its report shows loudness and peaks, no spectra).
        OfflineRenderer.Render(mix, new RenderOptions(output) { CacheDirectory = Path.Combine(stemsDir, ".cache"), Analysis = RenderAnalysis.Levels });
        clock.Stop();
        Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds} {PeakResidentMiB()}"));
        return 0;
    }

    internal static MixDefinition BenchMix(IReadOnlyList<string> stems)
    {
        var tracks = stems.Select((path, i) =>
        {
            var eq = ParametricEqSettings.Flat;
            double[] gains = [2, -3, 1.5, -2, 2.5, 1];
            for (int b = 0; b < ParametricEqSettings.BandCount; b++) eq = eq.WithBand(b, eq.Bands[b] with { GainDb = gains[b] * (i % 2 == 0 ? 1 : -1) });
            var settings = new TrackSettings
            {
                GainDb = -6,
                HighPass = new HighPassSettings(true, 40 + 5 * i),
                Eq = eq,
                Compressor = new CompressorSettings(true, -24, 3, 10, 120, 6, 3),
                Pan = (i % 5 - 2) / 2.5,
                ReverbSendDb = -18,
            };
            return new MixTrack($"track{i:00}", path, settings);
        }).ToImmutableArray();
        var masterEq = ParametricEqSettings.Flat.WithBand(0, ParametricEqSettings.Flat.Bands[0] with { GainDb = 1 })
            .WithBand(5, ParametricEqSettings.Flat.Bands[5] with { GainDb = 1.5 });
        var master = new MasterSettings { Eq = masterEq, Compressor = new CompressorSettings(true, -12, 2, 30, 200, 6, 1) };
        return new MixDefinition(tracks, ReverbSettings.Default, master, Rate);
    }

    private static (double Seconds, double PeakMiB) RunChildProcess(string stemsDir, string output)
    {
        var parts = BenchProcess.RunSelf("render-child", stemsDir, output).Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static double RunSox(IReadOnlyList<string> stems, string work)
    {
        string soxDir = Path.Combine(work, "sox");
        Directory.CreateDirectory(soxDir);
        var outs = stems.Select((_, i) => Path.Combine(soxDir, $"t{i:00}.wav")).ToArray();
        var clock = Stopwatch.StartNew();
        Parallel.For(0, stems.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var a = new List<string> { stems[i], outs[i], "gain", "-6" };
            foreach (var (f, g) in new[] { (80, 2.0), (200, -3.0), (500, 1.5), (1500, -2.0), (4000, 2.5), (10000, 1.0) })
                a.AddRange(["equalizer", f.ToString(CultureInfo.InvariantCulture), "1.0q", g.ToString(CultureInfo.InvariantCulture)]);
            a.AddRange(["compand", "0.01,0.12", "6:-70,-70,-24,-24,0,-16", "3"]);
            BenchProcess.Run("sox", [.. a]);
        });
        BenchProcess.Run("sox", ["-m", .. outs, Path.Combine(soxDir, "mix.wav")]);
        return clock.Elapsed.TotalSeconds;
    }

    private static double PeakResidentMiB()
    {
        // VmHWM is the peak resident set: what the render really held in memory.
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
