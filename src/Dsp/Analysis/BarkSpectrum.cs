namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Diff-MST's Bark spectrum feature: the time-averaged magnitude spectrum of mid (L+R) and side
/// (L-R) through the 24-band <see cref="BarkFilterbank"/>, in dB as 20·log10(value + 1e-8). The
/// streaming part is the shared <see cref="SpectrumAccumulator"/>; this reads its average.
/// </summary>
/// <remarks>
/// Differences from Diff-MST, by design: frames are Hann-windowed 8192-point with 50 % overlap (it
/// uses an unwindowed 32768-point STFT), magnitudes are scaled so a sine's peak bin reads its
/// amplitude (so values do not depend on the frame size), and the log is in dB rather than natural
/// units. Silence reads -160 dB (the 1e-8 floor).
/// </remarks>
public sealed record BarkSpectrum(double[] MidDb, double[] SideDb)
{
    public const double Floor = 1e-8;

    public static BarkSpectrum From(AveragedSpectrum spectrum)
    {
        var bank = new BarkFilterbank(spectrum.SampleRate, spectrum.FftSize);
        return new BarkSpectrum(ToDb(bank.Apply(spectrum.MidMagnitude)), ToDb(bank.Apply(spectrum.SideMagnitude)));
    }

    private static double[] ToDb(double[] bands) => bands.Select(v => 20 * Math.Log10(v + Floor)).ToArray();
}
