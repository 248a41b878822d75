using System.Diagnostics;
using System.Globalization;
using Mixwright.Dsp.Mixing;
using Mixwright.Tools.Check;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;

namespace Mixwright.Bench;

/// <summary>
/// Issue 13's figure: `check` on a 24-track, 3-minute session in under 2 s on 2 cores, printed against the render
/// of the same session (the options `mixwright render` uses) in the same run. Every track has its full chain on
/// (high-pass, EQ, compressor, pan, reverb send) and the master its EQ and glue compressor, as in the render bench.
/// Both run in this process after one warm-up each, best of the runs; the check includes its report.
/// </summary>
internal static class CheckBench
{
    private const int Tracks = 24;
    private const double Seconds = 180;
    private const int Rate = 44100;

    private static readonly StemRole[] Roles =
    [
        StemRole.Lead, StemRole.Kick, StemRole.Snare, StemRole.Bass, StemRole.ElectricGuitar, StemRole.ElectricGuitar,
        StemRole.Keys, StemRole.Piano, StemRole.Hats, StemRole.Overheads, StemRole.BackingVocals, StemRole.BackingVocals,
        StemRole.Pad, StemRole.Strings, StemRole.Brass, StemRole.Percussion, StemRole.Synth, StemRole.AcousticGuitar,
        StemRole.Drums, StemRole.Fx, StemRole.Other, StemRole.Keys, StemRole.Percussion, StemRole.Vocals,
    ];

    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        string work = Path.Combine(Path.GetTempPath(), "mixwright-bench-check");
        string stemsDir = Path.Combine(work, "stems");
        Console.WriteLine($"check bench: {Tracks} stereo tracks x {Seconds:0} s at {Rate} Hz, full chain on every track, {Environment.ProcessorCount} cores");
        var stems = SyntheticStems.Ensure(stemsDir, Tracks, Seconds, Rate);
        var session = CreateSession(work, stems);
        string cache = Path.Combine(work, ".cache");
        string output = Path.Combine(work, "mix.wav");

        double Render()
        {
            var clock = Stopwatch.StartNew();
            OfflineRenderer.Render(session.ToMixDefinition(), new RenderOptions(output) { CacheDirectory = cache, Analysis = RenderAnalysis.Levels });
            return clock.Elapsed.TotalSeconds;
        }
        MixCheckReport? report = null;
        double Check()
        {
            var clock = Stopwatch.StartNew();
            report = MixCheck.Run(session, cache);
            _ = report.ToJson();
            return clock.Elapsed.TotalSeconds;
        }
        Render();
        Check();
        var renders = new List<double>();
        var checks = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            renders.Add(Render());
            checks.Add(Check());
        }
        string Runs(List<double> xs) => string.Join(", ", xs.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)));
        Console.WriteLine($"mixwright render (same session): best {renders.Min():0.000} s of {runs} ({Runs(renders)})");
        Console.WriteLine($"mixwright check:                 best {checks.Min():0.000} s of {runs} ({Runs(checks)}) (target < 2 s)");
        Console.WriteLine($"check / render: {checks.Min() / renders.Min():0.00}x; findings: {report!.Findings.Count} ({string.Join(", ", report.Findings.Take(5).Select(f => f.Kind + "/" + f.Severity.WireName()))})");
        Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (wall times above are only meaningful on an idle machine)");
        return 0;
    }

    private static MixSession CreateSession(string work, IReadOnlyList<string> stemPaths)
    {
        string path = Path.Combine(work, "session.json");
        if (File.Exists(path)) File.Delete(path);
        var stems = stemPaths.Select((p, i) => new Stem($"track{i:00}", "stems/" + Path.GetFileName(p), Roles[i % Roles.Length], RoleSource.User, "bench", null)).ToList();
        var session = MixSession.Create(path, stems, Rate);
        var bench = RenderBench.BenchMix(stemPaths);
        var why = new Rationale(RationaleSource.Manual, "bench setup");
        var requests = new List<ChangeRequest>();
        foreach (var (stem, track) in stems.Zip(bench.Tracks))
        {
            var target = MixTarget.ForTrack(stem.Name);
            var t = track.Settings;
            requests.Add(new ChangeRequest(target, "gain_db", ParameterValue.Of(t.GainDb), why));
            requests.Add(new ChangeRequest(target, "high_pass.enabled", ParameterValue.Of(true), why));
            requests.Add(new ChangeRequest(target, "high_pass.freq_hz", ParameterValue.Of(t.HighPass.FrequencyHz), why));
            for (int b = 0; b < t.Eq.Bands.Length; b++)
                requests.Add(new ChangeRequest(target, ParameterCatalog.EqBand(b + 1, "gain_db"), ParameterValue.Of(t.Eq.Bands[b].GainDb), why));
            requests.Add(new ChangeRequest(target, "compressor.enabled", ParameterValue.Of(true), why));
            requests.Add(new ChangeRequest(target, "compressor.threshold_db", ParameterValue.Of(t.Compressor.ThresholdDb), why));
            requests.Add(new ChangeRequest(target, "compressor.ratio", ParameterValue.Of(t.Compressor.Ratio), why));
            if (t.Pan != 0) requests.Add(new ChangeRequest(target, "pan", ParameterValue.Of(t.Pan), why));
            requests.Add(new ChangeRequest(target, "reverb_send_db", ParameterValue.Of(t.ReverbSendDb), why));
        }
        requests.Add(new ChangeRequest(MixTarget.Master, "compressor.enabled", ParameterValue.Of(true), why));
        requests.Add(new ChangeRequest(MixTarget.Master, "compressor.threshold_db", ParameterValue.Of(-12), why));
        requests.Add(new ChangeRequest(MixTarget.Master, "compressor.ratio", ParameterValue.Of(2), why));
        session.Propose(requests);
        session.Commit();
        return session;
    }
}
