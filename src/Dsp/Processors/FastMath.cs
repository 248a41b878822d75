using System.Numerics;
using System.Runtime.CompilerServices;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// Vectorised base-2 logarithm and exponential for level detection and gain, where Math.Log/Math.Exp
/// per sample would cost more than the rest of a compressor. Polynomials were fitted for minimax error
/// on the mantissa range: log2 is within 3e-6 (2e-5 dB), exp2 within 1e-7 relative (1e-6 dB).
/// </summary>
internal static class FastMath
{
    /// <summary>20·log10(2): dB per doubling of amplitude.</summary>
    public const double DbPerOctaveAmplitude = 6.020599913279624;

    /// <summary>The inputs are clamped here so a silent or denormal level maps to a finite very low dB value.</summary>
    public const float SmallestLevel = 1e-30f;

    // log2(1 + m) ~ m·(L1 + m·(L2 + ...)) for m in [0, 1)
    private const float L1 = 1.4425532f, L2 = -0.7182819f, L3 = 0.4582707f, L4 = -0.27953792f, L5 = 0.123451285f, L6 = -0.026457377f;
    // 2^f ~ 1 + f·(E1 + f·(E2 + ...)) for f in [0, 1); exactly 1 at f = 0, so a gain of 0 dB is exactly 1
    private const float E1 = 0.6931513f, E2 = 0.24016444f, E3 = 0.055799913f, E4 = 0.009017029f, E5 = 0.0018671307f;

    /// <summary>log2(x) for positive normal x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log2(Vector<float> x)
    {
        var bits = Vector.AsVectorInt32(x);
        var exponent = Vector.ConvertToSingle(Vector.ShiftRightLogical(bits, 23) - new Vector<int>(127));
        var m = Vector.AsVectorSingle((bits & new Vector<int>(0x007FFFFF)) | new Vector<int>(0x3F800000)) - Vector<float>.One;
        var p = Vector.FusedMultiplyAdd(m, new Vector<float>(L6), new Vector<float>(L5));
        p = Vector.FusedMultiplyAdd(m, p, new Vector<float>(L4));
        p = Vector.FusedMultiplyAdd(m, p, new Vector<float>(L3));
        p = Vector.FusedMultiplyAdd(m, p, new Vector<float>(L2));
        p = Vector.FusedMultiplyAdd(m, p, new Vector<float>(L1));
        return Vector.FusedMultiplyAdd(m, p, exponent);
    }

    /// <summary>2^x, with x clamped to [-126, 126] so the result is a normal float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp2(Vector<float> x)
    {
        x = Vector.MinNative(Vector.MaxNative(x, new Vector<float>(-126f)), new Vector<float>(126f));
        var whole = Vector.Floor(x);
        var f = x - whole;
        var scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32(whole) + new Vector<int>(127), 23));
        var p = Vector.FusedMultiplyAdd(f, new Vector<float>(E5), new Vector<float>(E4));
        p = Vector.FusedMultiplyAdd(f, p, new Vector<float>(E3));
        p = Vector.FusedMultiplyAdd(f, p, new Vector<float>(E2));
        p = Vector.FusedMultiplyAdd(f, p, new Vector<float>(E1));
        p = Vector.FusedMultiplyAdd(f, p, Vector<float>.One);
        return p * scale;
    }

    /// <summary>Scalar form of <see cref="Log2(Vector{float})"/> (same result in every lane).</summary>
    public static float Log2(float x) => Log2(new Vector<float>(x))[0];

    /// <summary>Scalar form of <see cref="Exp2(Vector{float})"/>.</summary>
    public static float Exp2(float x) => Exp2(new Vector<float>(x))[0];
}
