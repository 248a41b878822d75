using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// The hot loops between WAV bytes and planar floats. Every stem of a render passes through here
/// block by block, so the common formats are vectorised and nothing allocates.
/// Integer PCM maps k to k / 2^(bits-1): every integer sample is exactly representable (up to 24
/// bits), so int to float to int round trips are exact.
/// </summary>
internal static class SampleConversion
{
    private const float Scale8 = 1f / 128;
    private const float Scale16 = 1f / 32768;
    private const float Scale32 = 1f / 2147483648f;

    /// <summary>Little-endian interleaved samples to interleaved floats; <paramref name="destination"/> length is the sample count.</summary>
    public static void Decode(ReadOnlySpan<byte> source, Span<float> destination, WavSampleFormat format)
    {
        switch (format)
        {
            case WavSampleFormat.Pcm8: DecodePcm8(source, destination); break;
            case WavSampleFormat.Pcm16: DecodePcm16(MemoryMarshal.Cast<byte, short>(source), destination); break;
            case WavSampleFormat.Pcm24: DecodePcm24(source, destination); break;
            case WavSampleFormat.Pcm32: DecodePcm32(MemoryMarshal.Cast<byte, int>(source), destination); break;
            case WavSampleFormat.Float32: MemoryMarshal.Cast<byte, float>(source)[..destination.Length].CopyTo(destination); break;
            case WavSampleFormat.Float64: DecodeFloat64(MemoryMarshal.Cast<byte, double>(source), destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>
    /// Interleaved floats to little-endian samples. Integer formats round to nearest (ties to even)
    /// and clip to the integer range; no dither, because a file that was read must write back
    /// bit-identical, and dither would add noise to audio that is already on the integer grid.
    /// NaN, which has no PCM code, writes as 0.
    /// </summary>
    public static void Encode(ReadOnlySpan<float> source, Span<byte> destination, WavSampleFormat format)
    {
        switch (format)
        {
            case WavSampleFormat.Pcm8: EncodePcm8(source, destination); break;
            case WavSampleFormat.Pcm16: EncodePcm16(source, MemoryMarshal.Cast<byte, short>(destination)); break;
            case WavSampleFormat.Pcm24: EncodePcm24(source, destination); break;
            case WavSampleFormat.Pcm32: EncodePcm32(source, MemoryMarshal.Cast<byte, int>(destination)); break;
            case WavSampleFormat.Float32: source.CopyTo(MemoryMarshal.Cast<byte, float>(destination)); break;
            case WavSampleFormat.Float64: EncodeFloat64(source, MemoryMarshal.Cast<byte, double>(destination)); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>Interleaved frames to the channels of <paramref name="destination"/> starting at <paramref name="offset"/>.</summary>
    public static void Deinterleave(ReadOnlySpan<float> source, AudioBuffer destination, int offset, int frames)
    {
        int channels = destination.ChannelCount;
        if (channels == 1)
        {
            source[..frames].CopyTo(destination.Channel(0).Slice(offset, frames));
            return;
        }
        if (channels == 2)
        {
            Span<float> left = destination.Channel(0).Slice(offset, frames);
            Span<float> right = destination.Channel(1).Slice(offset, frames);
            ReadOnlySpan<float> lr = source[..(2 * frames)];
            ref float s = ref MemoryMarshal.GetReference(lr);
            ref float l = ref MemoryMarshal.GetReference(left);
            ref float r = ref MemoryMarshal.GetReference(right);
            int i = 0;
            if (Avx2.IsSupported)
            {
                // Eight frames a step: two shuffles split L from R within 128-bit lanes, one 64-bit
                // permute puts the lanes in order. Every stereo stem goes through here on every render.
                for (; i + 8 <= frames; i += 8)
                {
                    var s0 = Vector256.LoadUnsafe(ref s, (nuint)(2 * i));
                    var s1 = Vector256.LoadUnsafe(ref s, (nuint)(2 * i + 8));
                    var evens = Avx.Shuffle(s0, s1, 0b10_00_10_00);
                    var odds = Avx.Shuffle(s0, s1, 0b11_01_11_01);
                    Avx2.Permute4x64(evens.AsDouble(), 0b11_01_10_00).AsSingle().StoreUnsafe(ref l, (nuint)i);
                    Avx2.Permute4x64(odds.AsDouble(), 0b11_01_10_00).AsSingle().StoreUnsafe(ref r, (nuint)i);
                }
            }
            for (; i < frames; i++)
            {
                Unsafe.Add(ref l, i) = Unsafe.Add(ref s, 2 * i);
                Unsafe.Add(ref r, i) = Unsafe.Add(ref s, 2 * i + 1);
            }
            return;
        }
        ReadOnlySpan<float> all = source[..(channels * frames)];
        for (int c = 0; c < channels; c++)
        {
            Span<float> dst = destination.Channel(c).Slice(offset, frames);
            for (int i = 0, k = c; i < dst.Length; i++, k += channels) dst[i] = all[k];
        }
    }

    /// <summary>Channels of <paramref name="source"/> from <paramref name="offset"/> to interleaved frames.</summary>
    public static void Interleave(AudioBuffer source, int offset, int frames, Span<float> destination)
    {
        int channels = source.ChannelCount;
        if (channels == 1)
        {
            source.Channel(0).Slice(offset, frames).CopyTo(destination);
            return;
        }
        if (channels == 2)
        {
            ReadOnlySpan<float> left = source.Channel(0).Slice(offset, frames);
            ReadOnlySpan<float> right = source.Channel(1).Slice(offset, frames);
            Span<float> lr = destination[..(2 * frames)];
            ref float d = ref MemoryMarshal.GetReference(lr);
            ref float l = ref MemoryMarshal.GetReference(left);
            ref float r = ref MemoryMarshal.GetReference(right);
            for (int i = 0; i < frames; i++)
            {
                Unsafe.Add(ref d, 2 * i) = Unsafe.Add(ref l, i);
                Unsafe.Add(ref d, 2 * i + 1) = Unsafe.Add(ref r, i);
            }
            return;
        }
        Span<float> all = destination[..(channels * frames)];
        for (int c = 0; c < channels; c++)
        {
            ReadOnlySpan<float> src = source.Channel(c).Slice(offset, frames);
            for (int i = 0, k = c; i < src.Length; i++, k += channels) all[k] = src[i];
        }
    }

    private static void DecodePcm8(ReadOnlySpan<byte> source, Span<float> destination)
    {
        // 8-bit WAV is unsigned with its zero at 128.
        for (int i = 0; i < destination.Length; i++) destination[i] = (source[i] - 128) * Scale8;
    }

    private static void DecodePcm16(ReadOnlySpan<short> source, Span<float> destination)
    {
        int n = destination.Length, i = 0;
        ref short s = ref MemoryMarshal.GetReference(source);
        ref float d = ref MemoryMarshal.GetReference(destination);
        if (Vector.IsHardwareAccelerated && source.Length >= n)
        {
            var scale = new Vector<float>(Scale16);
            for (; i <= n - Vector<short>.Count; i += Vector<short>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<int> lo, out Vector<int> hi);
                (Vector.ConvertToSingle(lo) * scale).StoreUnsafe(ref d, (nuint)i);
                (Vector.ConvertToSingle(hi) * scale).StoreUnsafe(ref d, (nuint)(i + Vector<int>.Count));
            }
        }
        for (; i < n; i++) destination[i] = source[i] * Scale16;
    }

    private static void DecodePcm24(ReadOnlySpan<byte> source, Span<float> destination)
    {
        int n = destination.Length, i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Four 3-byte samples per 16-byte load, each placed in the top of an int (byte index 255
            // yields 0), so the sign comes for free and the int is the sample times 2^8.
            var shuffle = Vector128.Create((byte)255, 0, 1, 2, 255, 3, 4, 5, 255, 6, 7, 8, 255, 9, 10, 11);
            var scale = Vector128.Create(Scale32);
            ref byte s = ref MemoryMarshal.GetReference(source);
            ref float d = ref MemoryMarshal.GetReference(destination);
            for (; i + 4 <= n && 3 * i + 16 <= source.Length; i += 4)
            {
                var bytes = Vector128.LoadUnsafe(ref s, (nuint)(3 * i));
                var ints = Vector128.Shuffle(bytes, shuffle).AsInt32();
                (Vector128.ConvertToSingle(ints) * scale).StoreUnsafe(ref d, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            int k = 3 * i;
            int value = (source[k] << 8) | (source[k + 1] << 16) | (source[k + 2] << 24);
            destination[i] = value * Scale32;
        }
    }

    private static void DecodePcm32(ReadOnlySpan<int> source, Span<float> destination)
    {
        int n = destination.Length, i = 0;
        ref int s = ref MemoryMarshal.GetReference(source);
        ref float d = ref MemoryMarshal.GetReference(destination);
        if (Vector.IsHardwareAccelerated && source.Length >= n)
        {
            var scale = new Vector<float>(Scale32);
            for (; i <= n - Vector<int>.Count; i += Vector<int>.Count)
                (Vector.ConvertToSingle(Vector.LoadUnsafe(ref s, (nuint)i)) * scale).StoreUnsafe(ref d, (nuint)i);
        }
        for (; i < n; i++) destination[i] = source[i] * Scale32;
    }

    private static void DecodeFloat64(ReadOnlySpan<double> source, Span<float> destination)
    {
        int n = destination.Length, i = 0;
        ref double s = ref MemoryMarshal.GetReference(source);
        ref float d = ref MemoryMarshal.GetReference(destination);
        if (Vector.IsHardwareAccelerated && source.Length >= n)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var lo = Vector.LoadUnsafe(ref s, (nuint)i);
                var hi = Vector.LoadUnsafe(ref s, (nuint)(i + Vector<double>.Count));
                Vector.Narrow(lo, hi).StoreUnsafe(ref d, (nuint)i);
            }
        }
        for (; i < n; i++) destination[i] = (float)source[i];
    }

    private static void EncodePcm8(ReadOnlySpan<float> source, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            float x = source[i];
            float v = float.IsNaN(x) ? 0 : Math.Clamp(MathF.Round(x * 128), -128f, 127f);
            destination[i] = (byte)((int)v + 128);
        }
    }

    private static void EncodePcm16(ReadOnlySpan<float> source, Span<short> destination)
    {
        int n = source.Length, i = 0;
        ref float s = ref MemoryMarshal.GetReference(source);
        ref short d = ref MemoryMarshal.GetReference(destination);
        if (Vector.IsHardwareAccelerated && destination.Length >= n)
        {
            var scale = new Vector<float>(32768f);
            var min = new Vector<float>(-32768f);
            var max = new Vector<float>(32767f);
            for (; i <= n - Vector<short>.Count; i += Vector<short>.Count)
            {
                var lo = ToInt(Vector.LoadUnsafe(ref s, (nuint)i), scale, min, max);
                var hi = ToInt(Vector.LoadUnsafe(ref s, (nuint)(i + Vector<float>.Count)), scale, min, max);
                Vector.Narrow(lo, hi).StoreUnsafe(ref d, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float x = source[i];
            destination[i] = float.IsNaN(x) ? (short)0 : (short)Math.Clamp(MathF.Round(x * 32768f), -32768f, 32767f);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<int> ToInt(Vector<float> x, Vector<float> scale, Vector<float> min, Vector<float> max)
    {
        var v = Vector.Round(x * scale);
        v = Vector.ConditionalSelect(Vector.Equals(v, v), v, Vector<float>.Zero); // NaN -> 0
        return Vector.ConvertToInt32(Vector.Min(Vector.Max(v, min), max));
    }

    private static void EncodePcm24(ReadOnlySpan<float> source, Span<byte> destination)
    {
        const float full = 8388608f; // 2^23
        for (int i = 0; i < source.Length; i++)
        {
            float x = source[i];
            int v = float.IsNaN(x) ? 0 : (int)Math.Clamp(MathF.Round(x * full), -full, full - 1);
            int k = 3 * i;
            destination[k] = (byte)v;
            destination[k + 1] = (byte)(v >> 8);
            destination[k + 2] = (byte)(v >> 16);
        }
    }

    private static void EncodePcm32(ReadOnlySpan<float> source, Span<int> destination)
    {
        // In double, because float cannot represent 2^31 - 1: clipping there must not overflow.
        const double full = 2147483648.0;
        for (int i = 0; i < source.Length; i++)
        {
            float x = source[i];
            destination[i] = float.IsNaN(x) ? 0 : (int)Math.Clamp(Math.Round(x * full), -full, full - 1);
        }
    }

    private static void EncodeFloat64(ReadOnlySpan<float> source, Span<double> destination)
    {
        int n = source.Length, i = 0;
        ref float s = ref MemoryMarshal.GetReference(source);
        ref double d = ref MemoryMarshal.GetReference(destination);
        if (Vector.IsHardwareAccelerated && destination.Length >= n)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref s, (nuint)i), out Vector<double> lo, out Vector<double> hi);
                lo.StoreUnsafe(ref d, (nuint)i);
                hi.StoreUnsafe(ref d, (nuint)(i + Vector<double>.Count));
            }
        }
        for (; i < n; i++) destination[i] = source[i];
    }
}
