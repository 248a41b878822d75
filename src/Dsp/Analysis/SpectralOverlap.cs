using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// How much two signals compete for the same part of the spectrum, for masking advice.
/// </summary>
/// <remarks>
/// Each signal's mid power goes through the Bark filterbank and each band's power is raised to the
/// 0.3 power, a specific-loudness proxy (Stevens/Zwicker: loudness grows about as intensity^0.3, so
/// a band 10 dB down counts half as loud rather than a tenth). Each signal's band loudnesses are then
/// normalised to sum to 1, a loudness profile. Without the compression the bass bands, which hold
/// most of the power of any mix, would decide every comparison.
/// <para>
/// <see cref="Overall"/> is the intersection of the two profiles, Σ min(a_b, b_b): 1 for identical
/// spectral shapes, 0 for signals that share no band, and independent of the two levels (which one
/// masks the other is a level question; whether they compete is this one). <see cref="PerBand"/> is
/// min/max of the band's profile shares (0 where either is silent), and <see cref="Clash"/> is the
/// band holding the largest shared share, the place to carve an EQ cut.
/// </para>
/// </remarks>
public sealed record SpectralOverlap(double Overall, IReadOnlyList<double> PerBand, BarkBand? Clash)
{
    /// <summary>Exponent turning band power into a loudness-like quantity.</summary>
    public const double LoudnessExponent = 0.3;

    public static SpectralOverlap Compute(AudioBuffer a, AudioBuffer b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.SampleRate != b.SampleRate)
            throw new ArgumentException($"Both signals need the same sample rate (got {a.SampleRate} and {b.SampleRate} Hz).", nameof(b));
        return Compute(SpectrumOf(a), SpectrumOf(b));
    }

    public static SpectralOverlap Compute(AveragedSpectrum a, AveragedSpectrum b)
    {
        if (a.SampleRate != b.SampleRate || a.FftSize != b.FftSize)
            throw new ArgumentException("Both spectra need the same sample rate and frame size.", nameof(b));
        var bank = new BarkFilterbank(a.SampleRate, a.FftSize);
        double[] pa = Profile(bank.Apply(a.MidPower)), pb = Profile(bank.Apply(b.MidPower));

        var perBand = new double[BarkFilterbank.BandCount];
        double overall = 0, clashShare = 0;
        BarkBand? clash = null;
        for (int i = 0; i < perBand.Length; i++)
        {
            double lo = Math.Min(pa[i], pb[i]), hi = Math.Max(pa[i], pb[i]);
            perBand[i] = lo > 0 ? lo / hi : 0;
            overall += lo;
            if (lo > clashShare)
            {
                clashShare = lo;
                clash = bank.Bands[i];
            }
        }
        return new SpectralOverlap(Math.Min(1, overall), perBand, clash);
    }

    private static AveragedSpectrum SpectrumOf(AudioBuffer x)
    {
        var accumulator = new SpectrumAccumulator(x.SampleRate, x.ChannelCount);
        accumulator.Add(x, x.Frames);
        return accumulator.Average();
    }

    /// <summary>Band loudness shares summing to 1; all zeros for silence.</summary>
    private static double[] Profile(double[] bandPower)
    {
        var loudness = bandPower.Select(p => Math.Pow(Math.Max(p, 0), LoudnessExponent)).ToArray();
        double total = loudness.Sum();
        return total > 0 ? loudness.Select(l => l / total).ToArray() : loudness;
    }
}
