using System.Numerics;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// Streaming 4x oversampling peak detector for one channel (ITU-R BS.1770-4 Annex 2): a polyphase
/// windowed-sinc interpolator estimates the inter-sample peaks a DAC would reconstruct. Used by the
/// true-peak meter and by the limiter, so both agree on what "true peak" means.
/// </summary>
public sealed class TruePeakDetector
{
    public const int Factor = 4;
    public const int TapsPerPhase = 32;

    // Phase p interpolates the point p/Factor of a sample after the centre of the history window.
    private static readonly float[][] Phases = DesignPhases();

    private readonly float[] _history = new float[TapsPerPhase * 2]; // doubled ring so a window is contiguous
    private int _pos;

    /// <summary>Group delay in input samples: a peak is reported this many samples after it enters.</summary>
    public const int LatencySamples = TapsPerPhase / 2;

    public void Reset()
    {
        Array.Clear(_history);
        _pos = 0;
    }

    /// <summary>
    /// No oversampled point can exceed the largest input magnitude in the window times this, because
    /// each phase's output is a weighted sum of the window. Lets callers skip work exactly.
    /// </summary>
    public static float OvershootBound { get; } = Phases.Max(p => p.Sum(MathF.Abs));

    /// <summary>Feeds one sample and returns the largest absolute value among its oversampled points.</summary>
    public float Next(float x)
    {
        Push(x);
        ReadOnlySpan<float> window = _history.AsSpan(_pos, TapsPerPhase); // oldest first
        float peak = 0;
        foreach (var phase in Phases)
        {
            var acc = Vector<float>.Zero;
            for (int k = 0; k < TapsPerPhase; k += Vector<float>.Count)
                acc += new Vector<float>(phase.AsSpan(k)) * new Vector<float>(window[k..]);
            peak = MathF.Max(peak, MathF.Abs(Vector.Sum(acc)));
        }
        return peak;
    }

    /// <summary>
    /// Feeds a block and returns the larger of <paramref name="floor"/> and the block's largest
    /// oversampled magnitude. When the bound shows nothing in the block can beat the floor, the
    /// interpolation is skipped (a meter passes its running maximum as the floor).
    /// </summary>
    public float Process(ReadOnlySpan<float> block, float floor = 0)
    {
        float inputPeak = MathF.Max(MaxAbs(_history.AsSpan(0, TapsPerPhase)), MaxAbs(block));
        if (inputPeak * OvershootBound <= floor)
        {
            foreach (float x in block) Push(x);
            return floor;
        }
        float peak = floor;
        foreach (float x in block) peak = MathF.Max(peak, Next(x));
        return peak;
    }

    private void Push(float x)
    {
        _history[_pos] = x;
        _history[_pos + TapsPerPhase] = x;
        _pos = (_pos + 1) % TapsPerPhase;
    }

    private static float MaxAbs(ReadOnlySpan<float> x) =>
        x.IsEmpty ? 0 : System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(x) is var m ? MathF.Abs(m) : 0;

    private static float[][] DesignPhases()
    {
        // Kaiser-windowed sinc, cut-off just under the original Nyquist so real content passes flat
        // to well above 16 kHz at 44.1 kHz while images are rejected.
        const int n = TapsPerPhase * Factor;
        const double cutoff = 0.98 / Factor; // normalised to the oversampled rate: within 0.15 dB to 19 kHz at 44.1 kHz
        const double beta = 8.0;
        var phases = new float[Factor][];
        for (int p = 0; p < Factor; p++)
        {
            phases[p] = new float[TapsPerPhase];
            double sum = 0;
            for (int k = 0; k < TapsPerPhase; k++)
            {
                // Tap k of phase p sits at oversampled index i = k*Factor + (Factor-1-p) relative to the window start.
                int i = k * Factor + (Factor - 1 - p);
                double t = i - (n - 1) / 2.0;
                double sinc = t == 0 ? 1 : Math.Sin(Math.PI * cutoff * t) / (Math.PI * cutoff * t);
                double w = BesselI0(beta * Math.Sqrt(1 - Math.Pow(2.0 * i / (n - 1) - 1, 2))) / BesselI0(beta);
                phases[p][k] = (float)(sinc * w);
                sum += sinc * w;
            }
            // Each phase on its own passes DC at unity, so a constant signal reads as itself.
            for (int k = 0; k < TapsPerPhase; k++) phases[p][k] = (float)(phases[p][k] / sum);
        }
        return phases;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (int k = 1; k < 50; k++)
        {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) break;
        }
        return sum;
    }
}
