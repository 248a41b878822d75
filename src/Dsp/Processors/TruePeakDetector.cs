using System.Numerics;
using System.Numerics.Tensors;

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
    internal static readonly float[][] Phases = DesignPhases();

    // The last TapsPerPhase-1 inputs, then room for one chunk: a block is filtered as whole spans, one
    // multiply-add per tap across time, which vectorises far better than a dot product per output sample.
    private const int ChunkFrames = 2048;
    private const int MaxVectorWidth = 64; // padding so the last vector of a chunk may run past its end
    private readonly float[] _work = new float[TapsPerPhase - 1 + ChunkFrames + 2 * MaxVectorWidth];
    private readonly float[] _acc = new float[ChunkFrames + MaxVectorWidth];
    private readonly float[] _peaks = new float[ChunkFrames];

    /// <summary>Group delay in input samples: a peak is reported this many samples after it enters.</summary>
    public const int LatencySamples = TapsPerPhase / 2;

    /// <summary>
    /// No oversampled point can exceed the largest input magnitude in the window times this, because
    /// each phase's output is a weighted sum of the window. Lets callers skip work exactly.
    /// </summary>
    public static float OvershootBound { get; } = Phases.Max(p => p.Sum(MathF.Abs));

    public void Reset() => Array.Clear(_work);

    /// <summary>Feeds one sample and returns the largest absolute value among its oversampled points.</summary>
    public float Next(float x)
    {
        const int history = TapsPerPhase - 1;
        _work[history] = x;
        ReadOnlySpan<float> window = _work.AsSpan(0, TapsPerPhase);
        float peak = 0;
        foreach (var phase in Phases) peak = MathF.Max(peak, MathF.Abs(TensorPrimitives.Dot(phase, window)));
        _work.AsSpan(1, history).CopyTo(_work);
        return peak;
    }

    /// <summary>Feeds a block and writes, per input sample, the largest magnitude among its oversampled points.</summary>
    public void Peaks(ReadOnlySpan<float> block, Span<float> peaks)
    {
        if (peaks.Length < block.Length) throw new ArgumentException("The peaks span must be as long as the block.", nameof(peaks));
        const int history = TapsPerPhase - 1;
        for (int offset = 0; offset < block.Length; offset += ChunkFrames)
        {
            int n = Math.Min(ChunkFrames, block.Length - offset);
            block.Slice(offset, n).CopyTo(_work.AsSpan(history));
            FilterChunk(n);
            _acc.AsSpan(0, n).CopyTo(peaks.Slice(offset, n));
            _work.AsSpan(n, history).CopyTo(_work);
        }
    }

    /// <summary>
    /// Peaks of the <paramref name="n"/> samples after the history into the scratch. Register-blocked: each
    /// input vector is loaded once and feeds all four phases, with two accumulators per phase (even and odd
    /// taps) so eight independent FMA chains keep the pipeline full and nothing round-trips through memory.
    /// Lanes past <paramref name="n"/> read the padding and are never copied out.
    /// </summary>
    private void FilterChunk(int n)
    {
        int width = Vector<float>.Count;
        var taps = BroadcastTaps;
        for (int i = 0; i < n; i += width)
        {
            Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector<float> b0 = default, b1 = default, b2 = default, b3 = default;
            for (int k = 0; k < TapsPerPhase; k += 2)
            {
                var x = new Vector<float>(_work, i + k);
                var y = new Vector<float>(_work, i + k + 1);
                int t = k * Factor;
                a0 = Vector.FusedMultiplyAdd(x, taps[t], a0);
                a1 = Vector.FusedMultiplyAdd(x, taps[t + 1], a1);
                a2 = Vector.FusedMultiplyAdd(x, taps[t + 2], a2);
                a3 = Vector.FusedMultiplyAdd(x, taps[t + 3], a3);
                b0 = Vector.FusedMultiplyAdd(y, taps[t + 4], b0);
                b1 = Vector.FusedMultiplyAdd(y, taps[t + 5], b1);
                b2 = Vector.FusedMultiplyAdd(y, taps[t + 6], b2);
                b3 = Vector.FusedMultiplyAdd(y, taps[t + 7], b3);
            }
            var peak = Vector.Max(Vector.Max(Vector.Abs(a0 + b0), Vector.Abs(a1 + b1)), Vector.Max(Vector.Abs(a2 + b2), Vector.Abs(a3 + b3)));
            peak.CopyTo(_acc, i);
        }
    }

    // Tap k of phase p, broadcast to a vector, at [k * Factor + p].
    private static readonly Vector<float>[] BroadcastTaps =
        Enumerable.Range(0, TapsPerPhase * Factor).Select(i => new Vector<float>(Phases[i % Factor][i / Factor])).ToArray();

    /// <summary>
    /// Feeds a block and returns the larger of <paramref name="floor"/> and the block's largest
    /// oversampled magnitude. When the bound shows nothing in the block can beat the floor, the
    /// interpolation is skipped (a meter passes its running maximum as the floor).
    /// </summary>
    public float Process(ReadOnlySpan<float> block, float floor = 0)
    {
        const int history = TapsPerPhase - 1;
        float inputPeak = MathF.Max(MaxAbs(_work.AsSpan(0, history)), MaxAbs(block));
        if (inputPeak * OvershootBound > floor)
        {
            for (int offset = 0; offset < block.Length; offset += ChunkFrames)
            {
                int n = Math.Min(ChunkFrames, block.Length - offset);
                Peaks(block.Slice(offset, n), _peaks.AsSpan(0, n));
                floor = MathF.Max(floor, TensorPrimitives.Max(_peaks.AsSpan(0, n)));
            }
            return floor;
        }
        // Nothing here can beat the floor: only keep the history current.
        if (block.Length >= history)
        {
            block[^history..].CopyTo(_work);
        }
        else
        {
            _work.AsSpan(block.Length, history - block.Length).CopyTo(_work);
            block.CopyTo(_work.AsSpan(history - block.Length));
        }
        return floor;
    }

    private static float MaxAbs(ReadOnlySpan<float> x) => x.IsEmpty ? 0 : MathF.Abs(TensorPrimitives.MaxMagnitude(x));

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

    /// <summary>Modified Bessel function of the first kind, order 0: the Kaiser window's shape.</summary>
    internal static double BesselI0(double x)
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
