namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Time-averaged one-sided spectra of the mid (L+R) and side (L-R) signals, bins 0..FftSize/2.
/// Magnitudes are scaled so a sine of amplitude A shows a peak bin of A (independent of the frame
/// size); powers are scaled so the bins of a sine sum to its mean square A^2/2 (Parseval), which
/// lets band powers be read by summing bins.
/// </summary>
public sealed record AveragedSpectrum(
    int SampleRate,
    int FftSize,
    long Frames,
    double[] MidMagnitude,
    double[] SideMagnitude,
    double[] MidPower,
    double[] SidePower)
{
    public double BinHz => (double)SampleRate / FftSize;
    public int BinCount => FftSize / 2 + 1;
    public double BinFrequency(int bin) => bin * BinHz;
}
