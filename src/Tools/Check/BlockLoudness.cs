using Mixwright.Dsp.Analysis;

namespace Mixwright.Tools.Check;

/// <summary>
/// BS.1770 and EBU Tech 3342 loudness from per-block K-weighted energies (the render's blocks, about 93 ms)
/// rather than from samples: integrated loudness over sliding 400 ms windows with the absolute (-70 LUFS) and
/// relative (-10 LU) gates, loudness range as the 10th to 95th percentile spread of gated 3 s windows. Within a
/// few tenths of a dB of the sample-exact meter on music, which is what a diagnosis needs.
/// </summary>
public static class BlockLoudness
{
    public static double IntegratedLufs(IReadOnlyList<double> blockEnergy, IReadOnlyList<int> blockFrames, int sampleRate)
    {
        var windows = Windows(blockEnergy, blockFrames, sampleRate, 0.4);
        double gate = Gate(windows, LoudnessMeter.RelativeGateLu);
        var kept = windows.Where(e => e > gate).ToList();
        return kept.Count == 0 ? double.NegativeInfinity : Loudness.LufsFromEnergy(kept.Average());
    }

    public static double RangeLu(IReadOnlyList<double> blockEnergy, IReadOnlyList<int> blockFrames, int sampleRate)
    {
        var windows = Windows(blockEnergy, blockFrames, sampleRate, 3.0);
        double gate = Gate(windows, LoudnessMeter.RangeRelativeGateLu);
        var kept = windows.Where(e => e > gate).Select(Loudness.LufsFromEnergy).Order().ToArray();
        if (kept.Length == 0) return 0;
        return Percentile(kept, LoudnessMeter.RangeHighPercentile) - Percentile(kept, LoudnessMeter.RangeLowPercentile);
    }

    /// <summary>Mean energy of every window of about <paramref name="seconds"/>, one per block.</summary>
    private static List<double> Windows(IReadOnlyList<double> energy, IReadOnlyList<int> frames, int rate, double seconds)
    {
        var result = new List<double>();
        if (energy.Count == 0) return result;
        double blockSeconds = (double)frames[0] / rate;
        int length = Math.Max(1, (int)Math.Round(seconds / blockSeconds));
        if (energy.Count < length) length = energy.Count;
        double sum = 0;
        long count = 0;
        for (int i = 0; i < energy.Count; i++)
        {
            sum += energy[i] * frames[i];
            count += frames[i];
            if (i >= length)
            {
                sum -= energy[i - length] * frames[i - length];
                count -= frames[i - length];
            }
            if (i >= length - 1 && count > 0) result.Add(Math.Max(0, sum / count));
        }
        return result;
    }

    private static double Gate(List<double> windows, double relativeLu)
    {
        double absolute = Loudness.EnergyFromLufs(LoudnessMeter.AbsoluteGateLufs);
        var loud = windows.Where(e => e > absolute).ToList();
        if (loud.Count == 0) return double.PositiveInfinity;
        return Math.Max(absolute, loud.Average() * Math.Pow(10, relativeLu / 10));
    }

    private static double Percentile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(position), hi = (int)Math.Ceiling(position);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }
}
