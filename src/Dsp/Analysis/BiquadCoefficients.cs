namespace Mixwright.Dsp.Analysis;

/// <summary>
/// A second-order IIR section normalised so a0 = 1:
/// y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2].
/// </summary>
public readonly record struct BiquadCoefficients(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Magnitude of the response at <paramref name="frequencyHz"/>, as a linear gain.</summary>
    public double MagnitudeAt(double frequencyHz, int sampleRate)
    {
        double w = 2 * Math.PI * frequencyHz / sampleRate;
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -w);
        var z2 = z1 * z1;
        return System.Numerics.Complex.Abs((B0 + B1 * z1 + B2 * z2) / (1 + A1 * z1 + A2 * z2));
    }
}
