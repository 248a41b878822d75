using Mixwright.Embeddings.Descriptors;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>One audible consequence in the suite's vocabulary: track (or "master"), what, dir.</summary>
public sealed record Effect(string Track, string What, string Dir)
{
    public override string ToString() => $"{Track}.{What} {Dir}";
}

/// <summary>
/// Compares two console states in the phrase suite's effect vocabulary (see requests README): gain, pan,
/// width, reverb, compression, and the EQ regions low (63-250 Hz), lowmid (250-500), mid (1-2 kHz),
/// presence (2-4 kHz), high (4-16 kHz). A region goes up when the net EQ there rises relative to the rest
/// of the spectrum. The EQ response uses smooth analytic shapes (log-frequency bells and shelves, a
/// 12 dB/octave high-pass), not the console's biquads: close enough to say which region moved.
/// </summary>
public static class EffectEstimator
{
    /// <summary>A region counts as moved at 0.3 dB relative change: a gentle "a bit more" is still a move.</summary>
    private const double Threshold = 0.3;

    public static readonly IReadOnlyDictionary<string, double[]> Regions = new Dictionary<string, double[]>
    {
        ["low"] = [63, 80, 100, 125, 160, 200],
        ["lowmid"] = [250, 315, 400],
        ["mid"] = [1000, 1250, 1600],
        ["presence"] = [2000, 2500, 3150],
        ["high"] = [4000, 5000, 6300, 8000, 10000, 12500, 16000],
    };

    /// <summary>The points of all five regions: "the rest of the spectrum" is the other regions.</summary>
    private static readonly double[] AllRegionPoints = Regions.Values.SelectMany(p => p).ToArray();

    public static List<Effect> Compare(ConsoleModel before, ConsoleModel after)
    {
        var effects = new List<Effect>();
        foreach (var (name, a) in after.Tracks) StripEffects(name, before.Tracks[name], a, effects);
        StripEffects("master", before.Master, after.Master, effects);
        return effects;
    }

    private static void StripEffects(string name, ConsoleModel.Strip b, ConsoleModel.Strip a, List<Effect> effects)
    {
        void Diff(string what, double before, double after, double eps, string up = "up", string down = "down")
        {
            if (after - before > eps) effects.Add(new Effect(name, what, up));
            else if (before - after > eps) effects.Add(new Effect(name, what, down));
        }
        Diff("gain", b.GainDb, a.GainDb, 0.1);
        if (!b.Mute && a.Mute) effects.Add(new Effect(name, "gain", "down"));
        if (b.Mute && !a.Mute) effects.Add(new Effect(name, "gain", "up"));
        if (b.Solo != a.Solo) effects.Add(new Effect(name, "solo", a.Solo ? "on" : "off"));
        if (a.PanTouched && a.Pan == 0) effects.Add(new Effect(name, "pan", "center"));
        else Diff("pan", b.Pan, a.Pan, 0.01, "right", "left");
        Diff("width", b.Width, a.Width, 0.01, "more", "less");
        Diff("reverb", b.ReverbSendDb, a.ReverbSendDb, 0.1, "more", "less");
        Diff("compression", b.Compression, a.Compression, 0.05, "more", "less");
        foreach (var (region, _) in Regions)
            Diff(region, RelativeResponse(b.Eq, region), RelativeResponse(a.Eq, region), Threshold);
    }

    /// <summary>Mean response in the region minus the mean over the rest of the spectrum, dB.</summary>
    public static double RelativeResponse(IReadOnlyList<EqMove> eq, string region)
    {
        var points = Regions[region];
        double inside = points.Average(f => Response(eq, f));
        double outside = AllRegionPoints.Where(f => !points.Contains(f)).Average(f => Response(eq, f));
        return inside - outside;
    }

    public static double Response(IReadOnlyList<EqMove> eq, double hz) => eq.Sum(m => Response(m, hz));

    public static double Response(EqMove m, double hz)
    {
        double octaves = Math.Log2(hz / m.FrequencyHz);
        switch (m.Type)
        {
            case EqMoveType.Peak:
            {
                // Bandwidth in octaves for this Q; a Gaussian bell in log frequency with that half-gain width.
                double bw = 2 * Math.Asinh(1 / (2 * m.Q)) / Math.Log(2);
                double sigma = bw / 2.355;
                return m.GainDb * Math.Exp(-octaves * octaves / (2 * sigma * sigma));
            }
            case EqMoveType.LowShelf: return m.GainDb / (1 + Math.Exp(3 * octaves));
            case EqMoveType.HighShelf: return m.GainDb / (1 + Math.Exp(-3 * octaves));
            case EqMoveType.HighPass: return 10 * Math.Log10(1 / (1 + Math.Pow(m.FrequencyHz / hz, 4)));
            default: return 0;
        }
    }
}
