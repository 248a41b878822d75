namespace Mixwright.Dsp.Analysis;

/// <summary>Conversions between mean-square energy and the level scales the meters report.</summary>
public static class Loudness
{
    /// <summary>
    /// BS.1770's constant: it cancels the K-filter's +0.691 dB gain at 1 kHz, so a 1 kHz tone's
    /// loudness equals its (channel-summed) mean-square level in dB.
    /// </summary>
    public const double OffsetDb = -0.691;

    /// <summary>Loudness of a K-weighted, channel-weighted mean-square energy; -infinity for zero.</summary>
    public static double LufsFromEnergy(double energy) =>
        energy > 0 ? OffsetDb + 10 * Math.Log10(energy) : double.NegativeInfinity;

    /// <summary>The energy whose loudness is <paramref name="lufs"/> (inverse of <see cref="LufsFromEnergy"/>).</summary>
    public static double EnergyFromLufs(double lufs) => Math.Pow(10, (lufs - OffsetDb) / 10);

    /// <summary>A linear amplitude in dB; -infinity for zero.</summary>
    public static double AmplitudeDb(double amplitude) =>
        amplitude > 0 ? 20 * Math.Log10(amplitude) : double.NegativeInfinity;

    /// <summary>A power (mean square) in dB; -infinity for zero.</summary>
    public static double PowerDb(double power) => power > 0 ? 10 * Math.Log10(power) : double.NegativeInfinity;
}
