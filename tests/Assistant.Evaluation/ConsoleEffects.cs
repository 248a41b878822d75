using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Evaluation;

/// <summary>
/// What changed between two console states, in the phrase suite's effect vocabulary: gain, pan, width,
/// reverb, compression, solo, and the EQ regions low (63-200 Hz), lowmid (250-400), mid (1-1.6 kHz),
/// presence (2-3.15 kHz) and high (4-16 kHz). A region moves when the strip's real EQ response there
/// (the engine's biquads, high-pass included) changes relative to the rest of the spectrum.
/// </summary>
public sealed class ConsoleEffects(IMixEngine engine, int sampleRate, IReadOnlyDictionary<string, (double Rms, double Peak)> inputLevelDb)
{
    /// <summary>A region counts as moved at 0.3 dB relative change: a gentle "a bit more" is still a move.</summary>
    public const double RegionThresholdDb = 0.3;
    /// <summary>The level assumed at the master's compressor (a mix near streaming loudness).</summary>
    private const double MasterLevelDb = -14;

    public static readonly IReadOnlyDictionary<string, double[]> Regions = new Dictionary<string, double[]>
    {
        ["low"] = [63, 80, 100, 125, 160, 200],
        ["lowmid"] = [250, 315, 400],
        ["mid"] = [1000, 1250, 1600],
        ["presence"] = [2000, 2500, 3150],
        ["high"] = [4000, 5000, 6300, 8000, 10000, 12500, 16000],
    };

    private static readonly double[] AllPoints = Regions.Values.SelectMany(p => p).ToArray();

    public List<Effect> Compare(ConsoleState before, ConsoleState after)
    {
        var effects = new List<Effect>();
        foreach (var (name, a) in after.Tracks)
        {
            var b = before.Track(name);
            void Diff(string what, double x, double y, double eps, string up = "up", string down = "down")
            {
                if (y - x > eps) effects.Add(new Effect(name, what, up));
                else if (x - y > eps) effects.Add(new Effect(name, what, down));
            }
            Diff("gain", b.GainDb, a.GainDb, 0.1);
            if (!b.Mute && a.Mute) effects.Add(new Effect(name, "gain", "down"));
            if (b.Mute && !a.Mute) effects.Add(new Effect(name, "gain", "up"));
            if (b.Solo != a.Solo) effects.Add(new Effect(name, "solo", a.Solo ? "on" : "off"));
            if (a.Pan == 0 && b.Pan != 0) effects.Add(new Effect(name, "pan", "center"));
            else Diff("pan", b.Pan, a.Pan, 0.01, "right", "left");
            Diff("width", b.Width, a.Width, 0.01, "more", "less");
            Diff("reverb", Send(b.ReverbSendDb), Send(a.ReverbSendDb), 0.1, "more", "less");
            var (rms, peak) = inputLevelDb.TryGetValue(name, out var l) ? l : (MasterLevelDb, MasterLevelDb + 10);
            Diff("compression", Compression(b.Compressor, rms + b.GainDb, peak + b.GainDb), Compression(a.Compressor, rms + a.GainDb, peak + a.GainDb), 0.05, "more", "less");
            RegionEffects(name, b.Eq, b.HighPass, a.Eq, a.HighPass, effects);
        }
        // The master has no width of its own: every part wider (or narrower) is the mix's width.
        var widths = effects.Where(e => e.What == "width").ToList();
        if (after.Tracks.Count > 1 && widths.Count == after.Tracks.Count && widths.Select(e => e.Dir).Distinct().Count() == 1)
        {
            effects.RemoveAll(e => e.What == "width");
            effects.Add(new Effect("master", "width", widths[0].Dir));
        }
        var (mb, ma) = (before.Master, after.Master);
        double loudness(MasterSettings m) => m.OutputGainDb + (m.LoudnessTargetLufs ?? ConsoleRanges.LoudnessTargetLufs.Default);
        if (loudness(ma) - loudness(mb) > 0.1) effects.Add(new Effect("master", "gain", "up"));
        else if (loudness(mb) - loudness(ma) > 0.1) effects.Add(new Effect("master", "gain", "down"));
        double rb = Send(before.Reverb.ReturnDb), ra = Send(after.Reverb.ReturnDb);
        if (ra - rb > 0.1) effects.Add(new Effect("master", "reverb", "more"));
        else if (rb - ra > 0.1) effects.Add(new Effect("master", "reverb", "less"));
        double cb = Compression(mb.Compressor, MasterLevelDb, MasterLevelDb + 10), ca = Compression(ma.Compressor, MasterLevelDb, MasterLevelDb + 10);
        if (ca - cb > 0.05) effects.Add(new Effect("master", "compression", "more"));
        else if (cb - ca > 0.05) effects.Add(new Effect("master", "compression", "less"));
        RegionEffects("master", mb.Eq, null, ma.Eq, null, effects);
        return effects;
    }

    /// <summary>A send or return in dB, with "off" as a level far below any audible send.</summary>
    private static double Send(double db) => db <= ConsoleRanges.OffDb ? -120 : db;

    /// <summary>
    /// How hard a compressor works on a signal between <paramref name="rmsDb"/> and <paramref name="peakDb"/>:
    /// the mean gain reduction over levels spread from the RMS to 3 dB over the peak. Zero when bypassed.
    /// </summary>
    public static double Compression(CompressorSettings c, double rmsDb, double peakDb)
    {
        if (!c.Enabled) return 0;
        const int Points = 8;
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            double level = rmsDb + (peakDb + 3 - rmsDb) * i / (Points - 1);
            sum += (1 - 1 / c.Ratio) * Math.Max(0, level - c.ThresholdDb);
        }
        return sum / Points;
    }

    private void RegionEffects(string name, ParametricEqSettings eqBefore, HighPassSettings? hpBefore, ParametricEqSettings eqAfter, HighPassSettings? hpAfter, List<Effect> effects)
    {
        if (eqBefore.Equals(eqAfter) && Equals(hpBefore, hpAfter)) return;
        var b = engine.EqResponseDb(eqBefore, hpBefore, AllPoints, sampleRate);
        var a = engine.EqResponseDb(eqAfter, hpAfter, AllPoints, sampleRate);
        foreach (var (region, points) in Regions)
        {
            double rb = Relative(b, points), ra = Relative(a, points);
            if (ra - rb > RegionThresholdDb) effects.Add(new Effect(name, region, "up"));
            else if (rb - ra > RegionThresholdDb) effects.Add(new Effect(name, region, "down"));
        }
    }

    /// <summary>Mean response in the region minus the mean over the rest of the spectrum, dB.</summary>
    private static double Relative(double[] response, double[] points)
    {
        double inside = 0, outside = 0;
        int ni = 0, no = 0;
        for (int i = 0; i < AllPoints.Length; i++)
        {
            if (points.Contains(AllPoints[i])) { inside += response[i]; ni++; }
            else { outside += response[i]; no++; }
        }
        return inside / ni - outside / no;
    }
}
