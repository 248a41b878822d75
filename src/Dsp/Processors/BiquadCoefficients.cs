using System.Numerics;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// A second-order IIR section normalised so a0 = 1:
/// H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2).
/// The designs follow the formulas of R. Bristow-Johnson's "Audio EQ Cookbook" (shelves in its Q form).
/// Doubles throughout: at 44.1 kHz a 20 Hz section has poles within 1e-3 of the unit circle and
/// single precision cannot place them accurately.
/// </summary>
public readonly record struct BiquadCoefficients(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Passes the signal unchanged.</summary>
    public static BiquadCoefficients Identity { get; } = new(1, 0, 0, 0, 0);

    public bool IsIdentity => this == Identity;

    public static BiquadCoefficients Peaking(double sampleRate, double freqHz, double gainDb, double q)
    {
        var (a, cos, alpha) = Prewarp(sampleRate, freqHz, gainDb, q, nameof(Peaking));
        return Normalise(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    /// <summary>Low shelf; <paramref name="gainDb"/> is the gain at DC, the corner is where half of it is reached.</summary>
    public static BiquadCoefficients LowShelf(double sampleRate, double freqHz, double gainDb, double q)
    {
        var (a, cos, alpha) = Prewarp(sampleRate, freqHz, gainDb, q, nameof(LowShelf));
        double k = 2 * Math.Sqrt(a) * alpha;
        return Normalise(
            a * ((a + 1) - (a - 1) * cos + k),
            2 * a * ((a - 1) - (a + 1) * cos),
            a * ((a + 1) - (a - 1) * cos - k),
            (a + 1) + (a - 1) * cos + k,
            -2 * ((a - 1) + (a + 1) * cos),
            (a + 1) + (a - 1) * cos - k);
    }

    /// <summary>High shelf; <paramref name="gainDb"/> is the gain at Nyquist.</summary>
    public static BiquadCoefficients HighShelf(double sampleRate, double freqHz, double gainDb, double q)
    {
        var (a, cos, alpha) = Prewarp(sampleRate, freqHz, gainDb, q, nameof(HighShelf));
        double k = 2 * Math.Sqrt(a) * alpha;
        return Normalise(
            a * ((a + 1) + (a - 1) * cos + k),
            -2 * a * ((a - 1) + (a + 1) * cos),
            a * ((a + 1) + (a - 1) * cos - k),
            (a + 1) - (a - 1) * cos + k,
            2 * ((a - 1) - (a + 1) * cos),
            (a + 1) - (a - 1) * cos - k);
    }

    /// <summary>Second-order high-pass; the default Q gives a Butterworth (maximally flat) response.</summary>
    public static BiquadCoefficients HighPass(double sampleRate, double freqHz, double q = 0.7071067811865476)
    {
        var (_, cos, alpha) = Prewarp(sampleRate, freqHz, 0, q, nameof(HighPass));
        return Normalise((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Magnitude of the frequency response at <paramref name="freqHz"/>, in dB.</summary>
    public double MagnitudeDb(double freqHz, double sampleRate)
    {
        var z1 = Complex.FromPolarCoordinates(1, -2 * Math.PI * freqHz / sampleRate); // z^-1 on the unit circle
        var z2 = z1 * z1;
        var h = (B0 + B1 * z1 + B2 * z2) / (1 + A1 * z1 + A2 * z2);
        return 20 * Math.Log10(h.Magnitude);
    }

    private static (double A, double Cos, double Alpha) Prewarp(double sampleRate, double freqHz, double gainDb, double q, string design)
    {
        if (!(sampleRate > 0) || double.IsInfinity(sampleRate))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), $"{design}: sample rate must be positive (got {sampleRate}).");
        if (!(freqHz > 0 && freqHz < sampleRate / 2))
            throw new ArgumentOutOfRangeException(nameof(freqHz), $"{design}: frequency must be between 0 and Nyquist ({sampleRate / 2} Hz), exclusive (got {freqHz}).");
        if (!(q > 0) || double.IsInfinity(q))
            throw new ArgumentOutOfRangeException(nameof(q), $"{design}: Q must be positive (got {q}).");
        if (!double.IsFinite(gainDb))
            throw new ArgumentOutOfRangeException(nameof(gainDb), $"{design}: gain must be finite (got {gainDb}).");
        double w0 = 2 * Math.PI * freqHz / sampleRate;
        return (Math.Pow(10, gainDb / 40), Math.Cos(w0), Math.Sin(w0) / (2 * q));
    }

    private static BiquadCoefficients Normalise(double b0, double b1, double b2, double a0, double a1, double a2) =>
        new(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
}
