using System.Numerics;
using System.Runtime.InteropServices;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// In-place radix-2 complex FFT on split real/imaginary arrays, with tables built once so a
/// transform allocates nothing. The butterflies of the wide stages run on <see cref="Vector{T}"/>;
/// per-stage twiddles are stored contiguously so the vector loads need no gathers.
/// </summary>
public sealed class ComplexFft
{
    private readonly int[] _bitReversed;
    private readonly double[] _twiddleRe; // stage with half-length h occupies [h-1, 2h-1)
    private readonly double[] _twiddleIm;

    public ComplexFft(int size)
    {
        if (size < 2 || !BitOperations.IsPow2(size))
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two of at least 2.");
        Size = size;
        int bits = BitOperations.Log2((uint)size);
        _bitReversed = new int[size];
        for (int i = 0; i < size; i++)
            _bitReversed[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        _twiddleRe = new double[size - 1];
        _twiddleIm = new double[size - 1];
        for (int half = 1; half < size; half <<= 1)
            for (int j = 0; j < half; j++)
            {
                double angle = -Math.PI * j / half;
                _twiddleRe[half - 1 + j] = Math.Cos(angle);
                _twiddleIm[half - 1 + j] = Math.Sin(angle);
            }
    }

    public int Size { get; }

    /// <summary>Forward transform, X[k] = sum x[n] e^(-2 pi i k n / N), unscaled.</summary>
    public void Forward(double[] re, double[] im)
    {
        if (re.Length < Size || im.Length < Size) throw new ArgumentException($"Both arrays need {Size} elements.");
        for (int i = 0; i < Size; i++)
        {
            int j = _bitReversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        if (Size == 2)
        {
            (re[0], re[1]) = (re[0] + re[1], re[0] - re[1]);
            (im[0], im[1]) = (im[0] + im[1], im[0] - im[1]);
            return;
        }
        FirstTwoStages(re, im);
        int half = 4;
        for (; half < Size && half < Vector<double>.Count; half <<= 1) ScalarStage(re, im, half);
        for (; half < Size; half <<= 1) VectorStage(re, im, half);
    }

    /// <summary>Stages of half-length 1 and 2 together: their twiddles are 1 and -i, so no multiplies.</summary>
    private void FirstTwoStages(double[] re, double[] im)
    {
        for (int g = 0; g + 3 < Size; g += 4)
        {
            double r0 = re[g] + re[g + 1], i0 = im[g] + im[g + 1];
            double r1 = re[g] - re[g + 1], i1 = im[g] - im[g + 1];
            double r2 = re[g + 2] + re[g + 3], i2 = im[g + 2] + im[g + 3];
            double r3 = re[g + 2] - re[g + 3], i3 = im[g + 2] - im[g + 3];
            re[g] = r0 + r2; im[g] = i0 + i2;
            re[g + 2] = r0 - r2; im[g + 2] = i0 - i2;
            // (r3 + i i3) * -i = i3 - i r3
            re[g + 1] = r1 + i3; im[g + 1] = i1 - r3;
            re[g + 3] = r1 - i3; im[g + 3] = i1 + r3;
        }
    }

    private void ScalarStage(double[] re, double[] im, int half)
    {
        int twiddle = half - 1;
        for (int start = 0; start < Size; start += 2 * half)
            for (int j = 0; j < half; j++)
            {
                int a = start + j, b = a + half;
                double wr = _twiddleRe[twiddle + j], wi = _twiddleIm[twiddle + j];
                double tr = re[b] * wr - im[b] * wi;
                double ti = re[b] * wi + im[b] * wr;
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
    }

    private void VectorStage(double[] re, double[] im, int half)
    {
        // Indices stay inside the arrays checked in Forward, so unchecked loads are safe here.
        ref double r = ref MemoryMarshal.GetArrayDataReference(re);
        ref double i = ref MemoryMarshal.GetArrayDataReference(im);
        ref double twr = ref MemoryMarshal.GetArrayDataReference(_twiddleRe);
        ref double twi = ref MemoryMarshal.GetArrayDataReference(_twiddleIm);
        int lanes = Vector<double>.Count;
        nuint twiddle = (nuint)(half - 1);
        for (int start = 0; start < Size; start += 2 * half)
            for (int j = 0; j < half; j += lanes)
            {
                nuint a = (nuint)(start + j), b = a + (nuint)half, w = twiddle + (nuint)j;
                var wr = Vector.LoadUnsafe(ref twr, w);
                var wi = Vector.LoadUnsafe(ref twi, w);
                var ar = Vector.LoadUnsafe(ref r, a);
                var ai = Vector.LoadUnsafe(ref i, a);
                var br = Vector.LoadUnsafe(ref r, b);
                var bi = Vector.LoadUnsafe(ref i, b);
                var tr = br * wr - bi * wi;
                var ti = br * wi + bi * wr;
                (ar + tr).StoreUnsafe(ref r, a);
                (ai + ti).StoreUnsafe(ref i, a);
                (ar - tr).StoreUnsafe(ref r, b);
                (ai - ti).StoreUnsafe(ref i, b);
            }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
