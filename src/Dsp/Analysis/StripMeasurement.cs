namespace Mixwright.Dsp.Analysis;

/// <summary>
/// What <see cref="StripMeter"/> measured of one strip, block by block (one entry per render block, in order).
/// Energies are sums of squares over the block; band powers are mean squares of the mid signal (L+R)/2 in the
/// <see cref="ThirdOctaveBands"/>; the K ratio is the share of the block's power left after BS.1770's
/// K-weighting, read off the block's own spectrum.
/// </summary>
public sealed record StripMeasurement(
    int SampleRate,
    int InputChannels,
    int[] BlockFrames,
    double[] EnergyLeft,
    double[] EnergyRight,
    double[] EnergyCross,
    double[] KRatio,
    float[][] BandPower,
    double RawPeak,
    int ClipRuns,
    long ClippedSamples,
    int LongestClipRun)
{
    public int Blocks => BlockFrames.Length;

    /// <summary>BS.1770 loudness of block <paramref name="i"/> (channel-summed K-weighted mean square), -infinity for silence.</summary>
    public double BlockLoudnessEnergy(int i) =>
        BlockFrames[i] == 0 ? 0 : (EnergyLeft[i] + EnergyRight[i]) / BlockFrames[i] * KRatio[i];
}
