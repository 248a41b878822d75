using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// The ITU-R BS.1770 "K" pre-filter for one channel: a high shelf (about +4 dB above 2 kHz, modelling
/// the acoustic effect of the head) followed by the RLB high-pass (about 38 Hz). The standard only
/// publishes coefficients for 48 kHz, so both stages are derived here from their analog prototypes
/// with the bilinear transform; at 48 kHz this reproduces the published numbers to ~1e-15.
/// </summary>
public sealed class KWeighting
{
    // Analog prototypes of both stages: corner, gain and Q that, once bilinear-transformed at 48 kHz,
    // give BS.1770's published coefficients (the prototype values libebur128 also derives from).
    // The shelf's mid-band gain exponent sits slightly off one half, as that fit requires.
    private const double ShelfCornerHz = 1681.974450955533;
    private const double ShelfGainDb = 3.999843853973347;
    private const double ShelfQ = 0.7071752369554196;
    private const double ShelfMidGainExponent = 0.4996667741545416;

    private const double HighPassCornerHz = 38.13547087602444;
    private const double HighPassQ = 0.5003270373238773;

    // States below this are flushed so a long silence cannot leave the recursion in denormals,
    // which are tens of times slower on x86. Far under anything audible or measurable (-600 dB).
    private const double DenormalGuard = 1e-30;

    private readonly BiquadCoefficients _shelf;
    private readonly BiquadCoefficients _highPass;
    private double _s1, _s2, _h1, _h2; // transposed direct form II states of each stage

    public KWeighting(int sampleRate)
    {
        _shelf = HighShelf(sampleRate);
        _highPass = HighPass(sampleRate);
    }

    /// <summary>The first stage (head-effect high shelf) for <paramref name="sampleRate"/>.</summary>
    public static BiquadCoefficients HighShelf(int sampleRate)
    {
        double k = PrewarpedTan(ShelfCornerHz, sampleRate);
        double vh = Math.Pow(10, ShelfGainDb / 20);
        double vb = Math.Pow(vh, ShelfMidGainExponent);
        double a0 = 1 + k / ShelfQ + k * k;
        return new BiquadCoefficients(
            B0: (vh + vb * k / ShelfQ + k * k) / a0,
            B1: 2 * (k * k - vh) / a0,
            B2: (vh - vb * k / ShelfQ + k * k) / a0,
            A1: 2 * (k * k - 1) / a0,
            A2: (1 - k / ShelfQ + k * k) / a0);
    }

    /// <summary>
    /// The second stage (RLB high-pass) for <paramref name="sampleRate"/>. Its numerator is the plain
    /// (1, -2, 1) of the published filter, not gain-normalised, so the K-weighted level of a 1 kHz tone
    /// stays exactly what BS.1770's -0.691 dB offset expects.
    /// </summary>
    public static BiquadCoefficients HighPass(int sampleRate)
    {
        double k = PrewarpedTan(HighPassCornerHz, sampleRate);
        double a0 = 1 + k / HighPassQ + k * k;
        return new BiquadCoefficients(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / HighPassQ + k * k) / a0);
    }

    private static double PrewarpedTan(double cornerHz, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (cornerHz >= sampleRate / 2.0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate,
                $"K-weighting needs a sample rate above {2 * ShelfCornerHz:0} Hz.");
        return Math.Tan(Math.PI * cornerHz / sampleRate);
    }

    public void Reset() => _s1 = _s2 = _h1 = _h2 = 0;

    /// <summary>Filters <paramref name="input"/> and returns the sum of the squared filtered samples.</summary>
    public double FilterSumOfSquares(ReadOnlySpan<float> input)
    {
        var (sb0, sb1, sb2, sa1, sa2) = _shelf;
        var (_, _, _, ha1, ha2) = _highPass;
        double s1 = _s1, s2 = _s2, h1 = _h1, h2 = _h2, sum = 0;
        foreach (float x in input)
        {
            double u = sb0 * x + s1;
            s1 = sb1 * x - sa1 * u + s2;
            s2 = sb2 * x - sa2 * u;
            // High-pass numerator (1, -2, 1) written out: saves three multiplies per sample.
            double y = u + h1;
            h1 = -2 * u - ha1 * y + h2;
            h2 = u - ha2 * y;
            sum += y * y;
        }
        StoreStates(s1, s2, h1, h2);
        return sum;
    }

    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/> (same length).</summary>
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length < input.Length) throw new ArgumentException("Output is shorter than input.", nameof(output));
        var (sb0, sb1, sb2, sa1, sa2) = _shelf;
        var (_, _, _, ha1, ha2) = _highPass;
        double s1 = _s1, s2 = _s2, h1 = _h1, h2 = _h2;
        for (int n = 0; n < input.Length; n++)
        {
            double x = input[n];
            double u = sb0 * x + s1;
            s1 = sb1 * x - sa1 * u + s2;
            s2 = sb2 * x - sa2 * u;
            double y = u + h1;
            h1 = -2 * u - ha1 * y + h2;
            h2 = u - ha2 * y;
            output[n] = (float)y;
        }
        StoreStates(s1, s2, h1, h2);
    }

    private void StoreStates(double s1, double s2, double h1, double h2)
    {
        _s1 = Math.Abs(s1) < DenormalGuard ? 0 : s1;
        _s2 = Math.Abs(s2) < DenormalGuard ? 0 : s2;
        _h1 = Math.Abs(h1) < DenormalGuard ? 0 : h1;
        _h2 = Math.Abs(h2) < DenormalGuard ? 0 : h2;
    }
}
