using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Moves;

/// <summary>Which band a frequency-addressed EQ move lands on, and what that band becomes.</summary>
public sealed record EqPlan(int Band, EqBand Before, EqBand After, bool Reused)
{
    /// <summary>The 0-based index into <see cref="ParametricEqSettings.Bands"/>.</summary>
    public int Index => Band - 1;
}

/// <summary>
/// Places an EQ move given by type and frequency ("cut 3 dB around 300 Hz", "a high shelf boost") on one of
/// the console's fixed bands, so neither a person nor a model has to know which band is free. A shelf goes
/// to the shelf band. A bell reuses a band already working within half an octave (the move then adds to
/// what it does there), else takes a flat band (the one whose resting frequency is nearest), else moves the
/// nearest band. Applying moves one after another on the evolving EQ keeps two moves of one request from
/// fighting over a band: the second either sums with the first (same region) or finds another band.
/// </summary>
public static class EqPlanner
{
    /// <summary>How close (in octaves) an active bell must be for a new move to add to it rather than take another band.</summary>
    public const double ReuseOctaves = 0.5;

    public static EqPlan Plan(ParametricEqSettings eq, EqBandType type, double freqHz, double? gainDb, double? deltaDb, double? q)
    {
        if ((gainDb is null) == (deltaDb is null)) throw new ArgumentException("Give exactly one of gain_db and delta_db.");
        ConsoleRanges.EqFrequencyHz.Validate(freqHz, "EQ move");
        int index = type switch
        {
            EqBandType.LowShelf => 0,
            EqBandType.HighShelf => ParametricEqSettings.BandCount - 1,
            _ => ChooseBell(eq, freqHz),
        };
        var before = eq.Bands[index];
        bool reused = !before.IsFlat && (type != EqBandType.Peaking || Octaves(before.FrequencyHz, freqHz) <= ReuseOctaves);
        // A band already shaping this region keeps its frequency and Q, so earlier moves keep meaning what they did.
        double frequency = reused ? before.FrequencyHz : freqHz;
        double baseGain = reused ? before.GainDb : 0;
        double gain = gainDb ?? baseGain + deltaDb!.Value;
        double bandQ = q ?? (reused ? before.Q : DefaultQ(type, before));
        return new EqPlan(index + 1, before, before with { FrequencyHz = Round(frequency), GainDb = Math.Round(gain, 2), Q = bandQ }, reused);
    }

    private static double DefaultQ(EqBandType type, EqBand resting) =>
        type == EqBandType.Peaking ? Math.Max(resting.Q, 1.0) : resting.Q;

    private static int ChooseBell(ParametricEqSettings eq, double freqHz)
    {
        var bells = Enumerable.Range(1, ParametricEqSettings.BandCount - 2).ToList();
        var near = bells.Where(i => !eq.Bands[i].IsFlat && Octaves(eq.Bands[i].FrequencyHz, freqHz) <= ReuseOctaves)
            .OrderBy(i => Octaves(eq.Bands[i].FrequencyHz, freqHz)).ToList();
        if (near.Count > 0) return near[0];
        var flat = bells.Where(i => eq.Bands[i].IsFlat).OrderBy(i => Octaves(eq.Bands[i].FrequencyHz, freqHz)).ToList();
        if (flat.Count > 0) return flat[0];
        return bells.OrderBy(i => Octaves(eq.Bands[i].FrequencyHz, freqHz)).First();
    }

    private static double Octaves(double a, double b) => Math.Abs(Math.Log2(a / b));

    private static double Round(double hz) => Math.Round(hz, hz < 100 ? 1 : 0);
}
