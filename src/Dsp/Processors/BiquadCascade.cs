using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// Runs a chain of up to <see cref="MaxSections"/> biquads (transposed direct form II, double state) over
/// a pair of channels in place. Every section computes
/// <c>y = b0 u + s1;  s1 = (b1 u + s2) - a1 y;  s2 = b2 u - a2 y</c> with fused multiply-adds, on every
/// path, so the result does not depend on which path ran or how the audio was split into blocks.
/// </summary>
/// <remarks>
/// Why the skewed kernel: a biquad's recursion (y to s1 to the next y) is two FMA latencies long, and
/// in a cascade each section also waits for the previous one, so the naive sample loop is latency
/// bound. The kernel instead lets section k work on sample t-k in iteration t: all sections of an
/// iteration are then independent, two sections share one 256-bit vector (left/right of section k in
/// the low half, of section k+1 in the high half) and the loop runs at FMA throughput. The triangles
/// at the block edges (the first sections' head start and the last sections' catch-up) run through the
/// scalar path so the block has no latency.
/// </remarks>
internal static class BiquadCascade
{
    public const int MaxSections = 8;

    /// <summary>
    /// Filters <paramref name="left"/> and <paramref name="right"/> (same length; they may be the same
    /// span for a mono channel, both lanes then compute the same values). State per section k:
    /// <c>s1[2k], s1[2k+1]</c> (left, right), likewise <paramref name="s2"/>.
    /// </summary>
    public static void Process(Span<float> left, Span<float> right, ReadOnlySpan<BiquadCoefficients> sections,
        Span<double> s1, Span<double> s2)
    {
        int count = sections.Length;
        if (count == 0 || left.IsEmpty) return;
        if (count > MaxSections) throw new ArgumentException($"BiquadCascade: at most {MaxSections} sections (got {count}).", nameof(sections));

        int padded = count <= 4 ? 4 : 8;
        // The skewed kernel needs its prologue and epilogue (padded-1 samples each) to fit the block.
        if (!Fma.IsSupported || !Avx.IsSupported || left.Length < 2 * padded)
        {
            ProcessScalar(left, right, sections, s1, s2);
            return;
        }

        // Pad with identity sections: they pass the signal unchanged (1*u + 0) and keep zero state.
        Span<BiquadCoefficients> c = stackalloc BiquadCoefficients[MaxSections];
        Span<double> p1 = stackalloc double[2 * MaxSections];
        Span<double> p2 = stackalloc double[2 * MaxSections];
        c.Fill(BiquadCoefficients.Identity);
        sections.CopyTo(c);
        s1[..(2 * count)].CopyTo(p1);
        s2[..(2 * count)].CopyTo(p2);
        c = c[..padded];

        if (padded == 4) Skewed4(left, right, c, p1, p2);
        else Skewed8(left, right, c, p1, p2);

        p1[..(2 * count)].CopyTo(s1);
        p2[..(2 * count)].CopyTo(s2);
    }

    /// <summary>Straight sample-by-sample cascade; also the reference the skewed kernel must match.</summary>
    internal static void ProcessScalar(Span<float> left, Span<float> right, ReadOnlySpan<BiquadCoefficients> sections,
        Span<double> s1, Span<double> s2)
    {
        for (int n = 0; n < left.Length; n++)
        {
            double l = left[n], r = right[n];
            RunSections(ref l, ref r, sections, 0, sections.Length, s1, s2);
            left[n] = (float)l;
            right[n] = (float)r;
        }
    }

    /// <summary>One sample (both lanes) through sections [first, end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunSections(ref double l, ref double r, ReadOnlySpan<BiquadCoefficients> c, int first, int end,
        Span<double> s1, Span<double> s2)
    {
        for (int k = first; k < end; k++)
        {
            var q = c[k];
            double yl = Math.FusedMultiplyAdd(q.B0, l, s1[2 * k]);
            double yr = Math.FusedMultiplyAdd(q.B0, r, s1[2 * k + 1]);
            s1[2 * k] = Math.FusedMultiplyAdd(-q.A1, yl, Math.FusedMultiplyAdd(q.B1, l, s2[2 * k]));
            s1[2 * k + 1] = Math.FusedMultiplyAdd(-q.A1, yr, Math.FusedMultiplyAdd(q.B1, r, s2[2 * k + 1]));
            s2[2 * k] = Math.FusedMultiplyAdd(-q.A2, yl, q.B2 * l);
            s2[2 * k + 1] = Math.FusedMultiplyAdd(-q.A2, yr, q.B2 * r);
            l = yl;
            r = yr;
        }
    }

    /// <summary>
    /// Head of a skewed block: sample j (0-based) goes through sections [0, sections-1-j); what comes out
    /// is the pending input of section sections-1-j, stored as lanes in <paramref name="pending"/>.
    /// </summary>
    private static void Prologue(Span<float> left, Span<float> right, ReadOnlySpan<BiquadCoefficients> c,
        Span<double> s1, Span<double> s2, Span<double> pending)
    {
        int sections = c.Length;
        for (int j = 0; j < sections - 1; j++)
        {
            double l = left[j], r = right[j];
            int end = sections - 1 - j;
            RunSections(ref l, ref r, c, 0, end, s1, s2);
            pending[2 * end] = l;
            pending[2 * end + 1] = r;
        }
    }

    /// <summary>
    /// Tail of a skewed block: <paramref name="outputs"/> holds each section's latest output (section k
    /// has reached sample frames-1-k); the last samples are carried through the sections still owed.
    /// </summary>
    private static void Epilogue(Span<float> left, Span<float> right, ReadOnlySpan<BiquadCoefficients> c,
        Span<double> s1, Span<double> s2, ReadOnlySpan<double> outputs)
    {
        int sections = c.Length, frames = left.Length;
        for (int j = sections - 1; j >= 1; j--)
        {
            int m = frames - j;
            double l = outputs[2 * (j - 1)], r = outputs[2 * (j - 1) + 1];
            RunSections(ref l, ref r, c, j, sections, s1, s2);
            left[m] = (float)l;
            right[m] = (float)r;
        }
    }

    private static Vector256<double> Broadcast(double lo, double hi) => Vector256.Create(lo, lo, hi, hi);

    // The kernels' loop bounds keep t and t-(sections-1) inside the spans, so the loads and stores
    // go through refs without bounds checks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LoadInput(ref float left, ref float right, int t) =>
        Sse2.ConvertToVector128Double(Vector128.Create(Unsafe.Add(ref left, t), Unsafe.Add(ref right, t), 0f, 0f)).ToVector256Unsafe();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreOutput(ref float left, ref float right, int t, Vector128<double> y)
    {
        var f = Sse2.ConvertToVector128Single(y); // same round-to-nearest as the scalar path's (float) cast
        Unsafe.Add(ref left, t) = f.ToScalar();
        Unsafe.Add(ref right, t) = f.GetElement(1);
    }

    // One pair of sections: y = b0 u + s1; s1 = (b1 u + s2) - a1 y; s2 = b2 u - a2 y.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Step(Vector256<double> u, Vector256<double> b0, Vector256<double> b1, Vector256<double> b2,
        Vector256<double> a1, Vector256<double> a2, ref Vector256<double> s1, ref Vector256<double> s2)
    {
        var y = Fma.MultiplyAdd(b0, u, s1);
        s1 = Fma.MultiplyAddNegated(a1, y, Fma.MultiplyAdd(b1, u, s2));
        s2 = Fma.MultiplyAddNegated(a2, y, b2 * u);
        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Skewed4(Span<float> left, Span<float> right, ReadOnlySpan<BiquadCoefficients> c, Span<double> s1, Span<double> s2)
    {
        const int sections = 4;
        Span<double> lanes = stackalloc double[2 * sections];
        Prologue(left, right, c, s1, s2, lanes);

        var b00 = Broadcast(c[0].B0, c[1].B0); var b10 = Broadcast(c[0].B1, c[1].B1); var b20 = Broadcast(c[0].B2, c[1].B2);
        var a10 = Broadcast(c[0].A1, c[1].A1); var a20 = Broadcast(c[0].A2, c[1].A2);
        var b01 = Broadcast(c[2].B0, c[3].B0); var b11 = Broadcast(c[2].B1, c[3].B1); var b21 = Broadcast(c[2].B2, c[3].B2);
        var a11 = Broadcast(c[2].A1, c[3].A1); var a21 = Broadcast(c[2].A2, c[3].A2);
        var s10 = Vector256.Create<double>(s1[..4]); var s11 = Vector256.Create<double>(s1[4..8]);
        var s20 = Vector256.Create<double>(s2[..4]); var s21 = Vector256.Create<double>(s2[4..8]);
        // v_p holds the previous iteration's outputs of sections 2p (low) and 2p+1 (high): section k's
        // previous output is section k+1's input now, so the prologue's pending inputs seed them.
        var v0 = Vector256.Create(lanes[2], lanes[3], lanes[4], lanes[5]);
        var v1 = Vector256.Create(lanes[6], lanes[7], 0, 0);

        int frames = left.Length;
        ref float l = ref MemoryMarshal.GetReference(left);
        ref float r = ref MemoryMarshal.GetReference(right);
        for (int t = sections - 1; t < frames; t++)
        {
            var u0 = Avx.Permute2x128(LoadInput(ref l, ref r, t), v0, 0x20); // [x(t), y0]
            var u1 = Avx.Permute2x128(v0, v1, 0x21);                        // [y1, y2]
            v0 = Step(u0, b00, b10, b20, a10, a20, ref s10, ref s20);
            v1 = Step(u1, b01, b11, b21, a11, a21, ref s11, ref s21);
            StoreOutput(ref l, ref r, t - (sections - 1), v1.GetUpper());
        }

        s10.CopyTo(s1[..4]); s11.CopyTo(s1[4..8]);
        s20.CopyTo(s2[..4]); s21.CopyTo(s2[4..8]);
        v0.CopyTo(lanes[..4]); v1.CopyTo(lanes[4..8]);
        Epilogue(left, right, c, s1, s2, lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Skewed8(Span<float> left, Span<float> right, ReadOnlySpan<BiquadCoefficients> c, Span<double> s1, Span<double> s2)
    {
        const int sections = 8;
        Span<double> lanes = stackalloc double[2 * sections];
        Prologue(left, right, c, s1, s2, lanes);

        var b00 = Broadcast(c[0].B0, c[1].B0); var b10 = Broadcast(c[0].B1, c[1].B1); var b20 = Broadcast(c[0].B2, c[1].B2);
        var a10 = Broadcast(c[0].A1, c[1].A1); var a20 = Broadcast(c[0].A2, c[1].A2);
        var b01 = Broadcast(c[2].B0, c[3].B0); var b11 = Broadcast(c[2].B1, c[3].B1); var b21 = Broadcast(c[2].B2, c[3].B2);
        var a11 = Broadcast(c[2].A1, c[3].A1); var a21 = Broadcast(c[2].A2, c[3].A2);
        var b02 = Broadcast(c[4].B0, c[5].B0); var b12 = Broadcast(c[4].B1, c[5].B1); var b22 = Broadcast(c[4].B2, c[5].B2);
        var a12 = Broadcast(c[4].A1, c[5].A1); var a22 = Broadcast(c[4].A2, c[5].A2);
        var b03 = Broadcast(c[6].B0, c[7].B0); var b13 = Broadcast(c[6].B1, c[7].B1); var b23 = Broadcast(c[6].B2, c[7].B2);
        var a13 = Broadcast(c[6].A1, c[7].A1); var a23 = Broadcast(c[6].A2, c[7].A2);
        var s10 = Vector256.Create<double>(s1[..4]); var s11 = Vector256.Create<double>(s1[4..8]);
        var s12 = Vector256.Create<double>(s1[8..12]); var s13 = Vector256.Create<double>(s1[12..16]);
        var s20 = Vector256.Create<double>(s2[..4]); var s21 = Vector256.Create<double>(s2[4..8]);
        var s22 = Vector256.Create<double>(s2[8..12]); var s23 = Vector256.Create<double>(s2[12..16]);
        var v0 = Vector256.Create(lanes[2], lanes[3], lanes[4], lanes[5]);
        var v1 = Vector256.Create(lanes[6], lanes[7], lanes[8], lanes[9]);
        var v2 = Vector256.Create(lanes[10], lanes[11], lanes[12], lanes[13]);
        var v3 = Vector256.Create(lanes[14], lanes[15], 0, 0);

        int frames = left.Length;
        ref float l = ref MemoryMarshal.GetReference(left);
        ref float r = ref MemoryMarshal.GetReference(right);
        for (int t = sections - 1; t < frames; t++)
        {
            var u0 = Avx.Permute2x128(LoadInput(ref l, ref r, t), v0, 0x20); // [x(t), y0]
            var u1 = Avx.Permute2x128(v0, v1, 0x21);                        // [y1, y2]
            var u2 = Avx.Permute2x128(v1, v2, 0x21);                        // [y3, y4]
            var u3 = Avx.Permute2x128(v2, v3, 0x21);                        // [y5, y6]
            v0 = Step(u0, b00, b10, b20, a10, a20, ref s10, ref s20);
            v1 = Step(u1, b01, b11, b21, a11, a21, ref s11, ref s21);
            v2 = Step(u2, b02, b12, b22, a12, a22, ref s12, ref s22);
            v3 = Step(u3, b03, b13, b23, a13, a23, ref s13, ref s23);
            StoreOutput(ref l, ref r, t - (sections - 1), v3.GetUpper());
        }

        s10.CopyTo(s1[..4]); s11.CopyTo(s1[4..8]); s12.CopyTo(s1[8..12]); s13.CopyTo(s1[12..16]);
        s20.CopyTo(s2[..4]); s21.CopyTo(s2[4..8]); s22.CopyTo(s2[8..12]); s23.CopyTo(s2[12..16]);
        v0.CopyTo(lanes[..4]); v1.CopyTo(lanes[4..8]); v2.CopyTo(lanes[8..12]); v3.CopyTo(lanes[12..16]);
        Epilogue(left, right, c, s1, s2, lanes);
    }
}
