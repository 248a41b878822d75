using System.Diagnostics;
using System.Globalization;
using Mixwright.Dsp.Audio;
using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Bench;

/// <summary>
/// Issue 3's figure: load a 24-track session with a long history and answer `state --json` in under 300 ms
/// after the process has started, with no audio decoded (analyses come from the sidecar cache). Each run is a
/// fresh process, so JIT and file reads are paid as a user pays them. The peer, measured in the same run, is
/// Python's json.tool parsing and printing the same session file.
/// </summary>
internal static class SessionBench
{
    private const int Tracks = 24;
    private const int ChangeSets = 60;

    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        string dir = Path.Combine(Path.GetTempPath(), "mixwright-bench-session");
        string sessionPath = Path.Combine(dir, "session.json");
        EnsureSession(dir, sessionPath);

        var inside = new List<double>();
        var wall = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            string line = BenchProcess.RunSelf("session-child", sessionPath);
            wall.Add(clock.Elapsed.TotalMilliseconds);
            inside.Add(double.Parse(line, CultureInfo.InvariantCulture));
        }
        var python = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            BenchProcess.Run("python3", "-m", "json.tool", sessionPath);
            python.Add(clock.Elapsed.TotalMilliseconds);
        }
        double median(List<double> x) => x.Order().ElementAt(x.Count / 2);
        Console.WriteLine($"session bench: {Tracks} tracks, {ChangeSets} change sets, {new FileInfo(sessionPath).Length / 1024} KiB session file, {runs} fresh processes each");
        Console.WriteLine($"load + state --json after process start: median {median(inside):0} ms (target < 300 ms)");
        Console.WriteLine($"whole process, .NET start-up included: median {median(wall):0} ms");
        Console.WriteLine($"peer: python3 -m json.tool on the same file, whole process: median {median(python):0} ms");
        Console.WriteLine($"ratio (our whole process / python json.tool): {median(wall) / median(python):0.00}x");
        return 0;
    }

    /// <summary>The child: from Main to the JSON printed, as `mixwright state --json` does it.</summary>
    public static int RunChild(string[] args)
    {
        var clock = Stopwatch.StartNew();
        string json = new SessionCommands(DspMixEngine.ForSession(args[0])).StateJson(args[0]);
        if (json.Length < 100) throw new InvalidOperationException("state JSON is unexpectedly short");
        clock.Stop();
        Console.WriteLine(clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    private static void EnsureSession(string dir, string sessionPath)
    {
        if (File.Exists(sessionPath)) return;
        string stems = Path.Combine(dir, "stems");
        Directory.CreateDirectory(stems);
        string[] names = ["Lead Vox", "BV 1", "BV 2", "Kick In", "Kick Out", "Snare Top", "Snare Bottom", "Hat", "OH L", "OH R", "Tom 1", "Tom 2",
            "Bass DI", "Bass Amp", "Gtr Rhythm L", "Gtr Rhythm R", "Gtr Lead", "Piano", "Rhodes", "Synth Pad", "Strings", "Brass", "Perc", "FX"];
        for (int i = 0; i < Tracks; i++)
        {
            var b = new AudioBuffer(1, 44100 * 2, 44100);
            for (int n = 0; n < b.Frames; n++) b.Channel(0)[n] = (float)(0.2 * Math.Sin(2 * Math.PI * (80 + 40 * i) * n / 44100));
            WavWriter.Write(Path.Combine(stems, names[i] + ".wav"), b, WavSampleFormat.Pcm24);
        }
        var engine = DspMixEngine.ForSession(sessionPath);
        new SessionCommands(engine).New(stems, sessionPath);
        var session = MixSession.Load(sessionPath);
        var tools = new MixTools(session, engine);
        for (int i = 0, committed = 0; committed < ChangeSets; i++)
        {
            string track = names[i % Tracks];
            string proposed = (i % 3) switch
            {
                0 => tools.SetGain(track, -6.5 + i % 7, user_words: "a bit louder"),
                1 => tools.SetPan(track, (i * 7 % 19 - 9) / 10.0, reason: "spread the arrangement"),
                _ => tools.SetEqBand(track, 2 + i % 4, gain_db: (i % 9) - 4.5, reason: "tone"),
            };
            if (proposed.Contains("Nothing to propose", StringComparison.Ordinal)) continue; // already at that value
            if (!proposed.Contains("\"ok\":true", StringComparison.Ordinal)) throw new InvalidOperationException(proposed);
            tools.Commit();
            committed++;
        }
    }
}
