using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// The limiter's detector: per input sample, an upper estimate of the inter-sample peak that both the
/// console's <see cref="TruePeakDetector"/> and a flatter, longer interpolator (like ffmpeg's ebur128,
/// which resamples to 192 kHz) would read around it. Evaluated a block at a time, vectorised across
/// samples.
/// </summary>
/// <remarks>
/// <para>Two interpolator banks run over the block and the larger reading wins:</para>
/// <para>The meter bank is the <see cref="TruePeakDetector"/>'s own 4 phases (taken from it, so the
/// two cannot drift apart): its reading equals the detector's <c>Next</c> to float rounding. The
/// detector's short filter lets some images through, so on bright material it can read above a clean
/// reconstruction; a limiter checked by that meter has to see exactly that.</para>
/// <para>The clean bank is a 64-tap-per-phase Kaiser-windowed sinc, flat to about 0.44·fs (the meter
/// bank droops from 0.41·fs) and reading high rather than low above that (see <see cref="CleanCutoff"/>),
/// followed by a parabolic refinement at every local maximum of its 4x points: a plain 4x grid reads
/// broadband peaks that fall between grid points up to ~0.2 dB low, and a meter whose grid sits
/// elsewhere (ffmpeg at 44.1 kHz) catches them.</para>
/// <para>Why not call <see cref="TruePeakDetector.Next"/>: it costs about 40 ns per sample and channel
/// here, and a limiter on a loud master needs detection on nearly every sample.</para>
/// </remarks>
internal static class InterSamplePeakEstimator
{
    public const int Factor = 4;
    public const int TapsPerPhase = 64;

    /// <summary>
    /// Input samples one estimate depends on: the clean window plus one sample either side for the
    /// refinement. The estimate for sample s describes the waveform between s − TapsPerPhase/2 − 1 and
    /// s − TapsPerPhase/2.
    /// </summary>
    public const int Support = TapsPerPhase + 2;

    /// <summary>
    /// The meter bank reads the detector window ending this many samples before s, so that it
    /// describes the same stretch of waveform as the clean bank.
    /// </summary>
    private const int MeterLag = TapsPerPhase / 2 + 1 - TruePeakDetector.LatencySamples;

    /// <summary>Extra input samples <see cref="Estimate"/> may read past the end (vector tails); callers pad with anything finite.</summary>
    public static int ReadPastEnd => Vector<float>.Count + 2;

    private static readonly float[][] Clean = Design();
    // The detector's own phases, not a re-derived copy: the limiter and the meter share one definition.
    private static readonly float[][] Meter = TruePeakDetector.Phases;

    /// <summary>No estimate exceeds the window's largest input magnitude times this.</summary>
    public static float Bound { get; } = MathF.Max(Clean.Max(p => p.Sum(MathF.Abs)) * 1.125f, TruePeakDetector.OvershootBound);

    /// <summary>Scratch floats <see cref="Estimate"/> needs for a block of <paramref name="frames"/>.</summary>
    public static int ScratchLength(int frames) => Factor * (frames + 2 + Vector<float>.Count);

    /// <summary>
    /// Writes the estimates for the last <paramref name="peaks"/>.Length samples of
    /// <paramref name="input"/>, which must start with <see cref="Support"/> − 1 samples of history and
    /// be followed by <see cref="ReadPastEnd"/> readable samples.
    /// </summary>
    public static void Estimate(ReadOnlySpan<float> input, Span<float> peaks, Span<float> scratch)
    {
        int n = peaks.Length, width = Vector<float>.Count;
        int points = n + 2; // 4x points of samples s−2 .. s_last−1 (the refinement needs one either side)
        int stride = points + width;
        if (input.Length < Support - 1 + n + ReadPastEnd || scratch.Length < Factor * stride)
            throw new ArgumentException("InterSamplePeakEstimator: input or scratch is shorter than history + block + padding.");
        var y0 = scratch[..stride];
        var y1 = scratch.Slice(stride, stride);
        var y2 = scratch.Slice(2 * stride, stride);
        var y3 = scratch.Slice(3 * stride, stride);
        ref float x = ref MemoryMarshal.GetReference(input);

        for (int j = 0; j < points; j += width)
        {
            InterpolateClean(ref Unsafe.Add(ref x, j), out var a0, out var a1, out var a2, out var a3);
            Vector.Abs(a0).CopyTo(y0[j..]);
            Vector.Abs(a1).CopyTo(y1[j..]);
            Vector.Abs(a2).CopyTo(y2[j..]);
            Vector.Abs(a3).CopyTo(y3[j..]);
        }

        // Sample s (output i) owns the clean points of s−1 (index i+1); their outer neighbours are the
        // last point of s−2 (y3[i]) and the first of s (y0[i+2]).
        int meterStart = Support - 1 - MeterLag - (TruePeakDetector.TapsPerPhase - 1);
        Span<float> tail = stackalloc float[width];
        for (int i = 0; i < n; i += width)
        {
            InterpolateMeter(ref Unsafe.Add(ref x, meterStart + i), out var m0, out var m1, out var m2, out var m3);
            var meter = Vector.MaxNative(Vector.MaxNative(Vector.Abs(m0), Vector.Abs(m1)), Vector.MaxNative(Vector.Abs(m2), Vector.Abs(m3)));
            var peak = Vector.MaxNative(Refine(y0, y1, y2, y3, i), meter);
            if (i + width <= n) peak.CopyTo(peaks[i..]);
            else
            {
                peak.CopyTo(tail);
                tail[..(n - i)].CopyTo(peaks[i..]);
            }
        }
    }

    // The banks are symmetric, which halves the multiplies. Clean: phase 2 is symmetric about the middle
    // of its window, phase 3 is phase 1 reversed, phase 0 is symmetric over taps 0..62 plus tap 63.
    // Meter: phase 3 is phase 0 reversed and phase 2 is phase 1 reversed. A mirrored pair
    // (h, h reversed) over window x is S ± D with S = Σ ((h[k] + h[n−1−k])/2)(x[k] + x[n−1−k]) and
    // D = Σ ((h[k] − h[n−1−k])/2)(x[k] − x[n−1−k]), k < n/2.
    private static readonly float[] CleanHalf2 = Enumerable.Range(0, TapsPerPhase / 2).Select(k => Clean[2][k]).ToArray();
    private static readonly float[] CleanSum1 = Mirror(Clean[1], Clean[3], sum: true);
    private static readonly float[] CleanDiff1 = Mirror(Clean[1], Clean[3], sum: false);
    private static readonly float[] CleanHalf0 = Enumerable.Range(0, TapsPerPhase / 2).Select(k => Clean[0][k]).ToArray();
    private static readonly float[] MeterSum0 = Mirror(Meter[0], Meter[3], sum: true);
    private static readonly float[] MeterDiff0 = Mirror(Meter[0], Meter[3], sum: false);
    private static readonly float[] MeterSum1 = Mirror(Meter[1], Meter[2], sum: true);
    private static readonly float[] MeterDiff1 = Mirror(Meter[1], Meter[2], sum: false);

    /// <summary>(h[k] ± h[n−1−k]) / 2 for k &lt; n/2, after checking that <paramref name="mirror"/> is <paramref name="h"/> reversed.</summary>
    private static float[] Mirror(float[] h, float[] mirror, bool sum)
    {
        int n = h.Length;
        for (int k = 0; k < n; k++)
            if (Math.Abs(h[k] - mirror[n - 1 - k]) > 1e-6f)
                throw new InvalidOperationException("InterSamplePeakEstimator: an interpolation bank is not mirror-symmetric as the fast path assumes.");
        return Enumerable.Range(0, n / 2).Select(k => sum ? (h[k] + h[n - 1 - k]) / 2 : (h[k] - h[n - 1 - k]) / 2).ToArray();
    }

    /// <summary>The clean bank's four phases for <see cref="Vector{T}.Count"/> consecutive windows starting at <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InterpolateClean(ref float x, out Vector<float> p0, out Vector<float> p1, out Vector<float> p2, out Vector<float> p3)
    {
        const int n = TapsPerPhase;
        ref float half2 = ref MemoryMarshal.GetArrayDataReference(CleanHalf2);
        ref float sum1 = ref MemoryMarshal.GetArrayDataReference(CleanSum1);
        ref float diff1 = ref MemoryMarshal.GetArrayDataReference(CleanDiff1);
        ref float half0 = ref MemoryMarshal.GetArrayDataReference(CleanHalf0);
        Vector<float> a0 = default, a2 = default, s1 = default, d1 = default;
        for (int k = 0; k < n / 2; k++)
        {
            var lo = Vector.LoadUnsafe(ref x, (nuint)k);
            var hi = Vector.LoadUnsafe(ref x, (nuint)(n - 1 - k));
            var sum = lo + hi;
            a2 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref half2, k)), sum, a2);
            s1 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref sum1, k)), sum, s1);
            d1 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref diff1, k)), lo - hi, d1);
            if (k < n / 2 - 1)
                a0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref half0, k)), lo + Vector.LoadUnsafe(ref x, (nuint)(n - 2 - k)), a0);
        }
        // Phase 0's centre tap and its unpaired last tap.
        a0 = Vector.FusedMultiplyAdd(new Vector<float>(Clean[0][n / 2 - 1]), Vector.LoadUnsafe(ref x, (nuint)(n / 2 - 1)), a0);
        a0 = Vector.FusedMultiplyAdd(new Vector<float>(Clean[0][n - 1]), Vector.LoadUnsafe(ref x, (nuint)(n - 1)), a0);
        p0 = a0; p1 = s1 + d1; p2 = a2; p3 = s1 - d1;
    }

    /// <summary>The meter bank's four phases for <see cref="Vector{T}.Count"/> consecutive windows starting at <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InterpolateMeter(ref float x, out Vector<float> p0, out Vector<float> p1, out Vector<float> p2, out Vector<float> p3)
    {
        const int n = TruePeakDetector.TapsPerPhase;
        ref float sum0 = ref MemoryMarshal.GetArrayDataReference(MeterSum0);
        ref float diff0 = ref MemoryMarshal.GetArrayDataReference(MeterDiff0);
        ref float sum1 = ref MemoryMarshal.GetArrayDataReference(MeterSum1);
        ref float diff1 = ref MemoryMarshal.GetArrayDataReference(MeterDiff1);
        Vector<float> s0 = default, d0 = default, s1 = default, d1 = default;
        for (int k = 0; k < n / 2; k++)
        {
            var lo = Vector.LoadUnsafe(ref x, (nuint)k);
            var hi = Vector.LoadUnsafe(ref x, (nuint)(n - 1 - k));
            var sum = lo + hi;
            var diff = lo - hi;
            s0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref sum0, k)), sum, s0);
            d0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref diff0, k)), diff, d0);
            s1 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref sum1, k)), sum, s1);
            d1 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref diff1, k)), diff, d1);
        }
        p0 = s0 + d0; p3 = s0 - d0; p1 = s1 + d1; p2 = s1 - d1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Refine(Span<float> y0, Span<float> y1, Span<float> y2, Span<float> y3, int i)
    {
        var left = new Vector<float>(y3[i..]);
        var p0 = new Vector<float>(y0[(i + 1)..]);
        var p1 = new Vector<float>(y1[(i + 1)..]);
        var p2 = new Vector<float>(y2[(i + 1)..]);
        var p3 = new Vector<float>(y3[(i + 1)..]);
        var right = new Vector<float>(y0[(i + 2)..]);
        return Vector.MaxNative(Vector.MaxNative(Parabola(left, p0, p1), Parabola(p0, p1, p2)),
                                Vector.MaxNative(Parabola(p1, p2, p3), Parabola(p2, p3, right)));
    }

    /// <summary>
    /// Upper estimate of the waveform's peak near three equally spaced magnitudes a, b, c when b is a local
    /// maximum: the vertex of the parabola through them lies b + (a − c)²/(8(2b − a − c)) high, and since
    /// 2b − a − c ≥ |a − c| there, at most b + |a − c|/8, which is used (no division; it reads a little
    /// high, by at most ~0.1 dB on the brightest content, never low). b itself otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Parabola(Vector<float> a, Vector<float> b, Vector<float> c)
    {
        var lift = Vector.Abs(a - c) * new Vector<float>(0.125f);
        var isMax = Vector.BitwiseAnd(Vector.GreaterThanOrEqual(b, a), Vector.GreaterThanOrEqual(b, c));
        return b + Vector.ConditionalSelect(isMax, lift, Vector<float>.Zero);
    }

    /// <summary>
    /// Cut-off of the clean bank, in cycles per input sample: a little above Nyquist, so that content
    /// near Nyquist (where every finite interpolator is unsure, and meters disagree) reads high rather
    /// than low. Tones read flat to about 0.44·fs and up to ~0.7 dB high at 0.45·fs and above.
    /// </summary>
    private const double CleanCutoff = 0.52;

    /// <summary>
    /// Kaiser-windowed sinc, each phase normalised to unity at DC. Phase p interpolates the point p/4
    /// of a sample after input TapsPerPhase/2 − 1 of its window.
    /// </summary>
    private static float[][] Design()
    {
        const double beta = 8;
        var phases = new float[Factor][];
        double half = TapsPerPhase / 2.0;
        for (int p = 0; p < Factor; p++)
        {
            var h = new double[TapsPerPhase];
            for (int k = 0; k < TapsPerPhase; k++)
            {
                double t = k - (half - 1) - (double)p / Factor; // distance from the interpolated point, in samples
                double sinc = t == 0 ? 2 * CleanCutoff : Math.Sin(2 * Math.PI * CleanCutoff * t) / (Math.PI * t);
                double r = t / (half + 0.5);
                h[k] = sinc * TruePeakDetector.BesselI0(beta * Math.Sqrt(1 - r * r)) / TruePeakDetector.BesselI0(beta);
            }
            double sum = h.Sum();
            phases[p] = h.Select(v => (float)(v / sum)).ToArray();
        }
        return phases;
    }
}
