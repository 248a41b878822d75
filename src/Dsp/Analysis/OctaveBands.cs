namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Levels of the ten octave bands 31.5 Hz .. 16 kHz of the mid signal (L+R)/2, or the mono signal.
/// </summary>
/// <remarks>
/// Convention: a band's level is the power of the FFT bins whose centre lies in [fc/√2, fc·√2),
/// relative to the power of a full-scale sine, i.e. 10·log10(band mean square / 0.5). A full-scale
/// 1 kHz sine therefore reads 0 dB in "1000"; the sum of all bands is the RMS level in the same
/// AES17-style dBFS (3.01 dB above <see cref="LevelStats.RmsDbfs"/>). Band centres are the exact
/// base-2 values 1000·2^k so neighbouring bands tile without gaps or overlap; keys are the usual
/// nominal labels. An empty band reads -infinity.
/// </remarks>
public static class OctaveBands
{
    public static IReadOnlyList<string> Labels { get; } = ["31", "63", "125", "250", "500", "1000", "2000", "4000", "8000", "16000"];

    /// <summary>Exact centre of the band with the given index (0 = "31" .. 9 = "16000").</summary>
    public static double CentreHz(int index) => 1000 * Math.Pow(2, index - 5);

    public static IReadOnlyDictionary<string, double> From(AveragedSpectrum spectrum)
    {
        var levels = new Dictionary<string, double>(Labels.Count);
        double fullScaleSinePower = 0.5;
        for (int i = 0; i < Labels.Count; i++)
        {
            double lo = CentreHz(i) / Math.Sqrt(2), hi = CentreHz(i) * Math.Sqrt(2);
            double power = 0;
            for (int k = 0; k < spectrum.BinCount; k++)
            {
                double f = spectrum.BinFrequency(k);
                if (f >= lo && f < hi) power += spectrum.MidPower[k];
            }
            // The mid channel is L+R (Diff-MST's definition); halving it, a quarter of its power,
            // puts a centred or mono signal back at its own level.
            levels[Labels[i]] = Loudness.PowerDb(power / 4 / fullScaleSinePower);
        }
        return levels;
    }
}
