using System.Buffers.Binary;
using System.Text;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Audio;

/// <summary>Test signals and hand-built WAV files for the audio I/O tests.</summary>
internal static class TestAudio
{
    public static AudioBuffer Tone(int sampleRate, double seconds, double frequencyHz, int channels = 1, float amplitude = 0.5f)
    {
        int frames = (int)Math.Round(seconds * sampleRate);
        var buffer = new AudioBuffer(channels, frames, sampleRate);
        for (int c = 0; c < channels; c++)
        {
            var x = buffer.Channel(c);
            for (int i = 0; i < frames; i++) x[i] = amplitude * (float)Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate + c);
        }
        return buffer;
    }

    /// <summary>Values exactly on the integer grid of <paramref name="format"/> (float formats: any float).</summary>
    public static AudioBuffer GridNoise(WavSampleFormat format, int channels, int frames, int sampleRate = 44100, int seed = 1)
    {
        var random = new Random(seed);
        var buffer = new AudioBuffer(channels, frames, sampleRate);
        for (int c = 0; c < channels; c++)
        {
            var x = buffer.Channel(c);
            for (int i = 0; i < frames; i++) x[i] = GridValue(format, random);
            // The extremes of the range must survive too.
            x[0] = -1f;
            x[1] = MaxValue(format);
        }
        return buffer;
    }

    private static float GridValue(WavSampleFormat format, Random random) => format switch
    {
        WavSampleFormat.Pcm8 => random.Next(-128, 128) / 128f,
        WavSampleFormat.Pcm16 => random.Next(-32768, 32768) / 32768f,
        WavSampleFormat.Pcm24 => random.Next(-(1 << 23), 1 << 23) / 8388608f,
        // A float holds 24 significant bits, so 32-bit codes that survive a float are multiples of 2^8.
        WavSampleFormat.Pcm32 => random.Next(-(1 << 23), 1 << 23) * 256 / 2147483648f,
        _ => (float)(random.NextDouble() * 2.4 - 1.2),
    };

    private static float MaxValue(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm8 => 127 / 128f,
        WavSampleFormat.Pcm16 => 32767 / 32768f,
        WavSampleFormat.Pcm24 => 8388607 / 8388608f,
        WavSampleFormat.Pcm32 => 2147483392 / 2147483648f,
        _ => 1f,
    };

    public static AudioBuffer Noise(int channels, int frames, int sampleRate, int seed = 7)
    {
        var random = new Random(seed);
        var buffer = new AudioBuffer(channels, frames, sampleRate);
        for (int c = 0; c < channels; c++)
        {
            var x = buffer.Channel(c);
            for (int i = 0; i < frames; i++) x[i] = (float)(random.NextDouble() - 0.5);
        }
        return buffer;
    }

    public static void AssertSamplesEqual(AudioBuffer expected, AudioBuffer actual)
    {
        Assert.Equal(expected.ChannelCount, actual.ChannelCount);
        Assert.Equal(expected.Frames, actual.Frames);
        Assert.Equal(expected.SampleRate, actual.SampleRate);
        for (int c = 0; c < expected.ChannelCount; c++)
        {
            var e = expected.Channel(c);
            var a = actual.Channel(c);
            for (int i = 0; i < e.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(e[i]) != BitConverter.SingleToInt32Bits(a[i]))
                    Assert.Fail($"Channel {c} frame {i}: expected {e[i]:R}, got {a[i]:R}.");
            }
        }
    }

    /// <summary>Frequency from the interpolated upward zero crossings of the middle of a channel.</summary>
    public static double MeasureFrequency(ReadOnlySpan<float> x, int sampleRate)
    {
        int start = x.Length / 4, end = 3 * x.Length / 4;
        double first = -1, last = -1;
        int crossings = 0;
        for (int i = start; i < end; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                double t = i - 1 + x[i - 1] / (x[i - 1] - x[i]);
                if (first < 0) first = t;
                last = t;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / sampleRate);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += v * (double)v;
        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>A RIFF/WAVE file from raw chunks, each padded to even length as the spec requires.</summary>
    public static byte[] Riff(params (string Id, byte[] Body)[] chunks)
    {
        var body = new MemoryStream();
        body.Write("WAVE"u8);
        foreach (var (id, data) in chunks)
        {
            body.Write(Encoding.ASCII.GetBytes(id));
            body.Write(UInt32(data.Length));
            body.Write(data);
            if (data.Length % 2 == 1) body.WriteByte(0);
        }
        var file = new MemoryStream();
        file.Write("RIFF"u8);
        file.Write(UInt32((int)body.Length));
        body.WriteTo(file);
        return file.ToArray();
    }

    public static byte[] Fmt(int tag, int channels, int sampleRate, int bits)
    {
        var f = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(f, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(8), (uint)(sampleRate * channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(14), (ushort)bits);
        return f;
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE fmt body with the KSDATAFORMAT_SUBTYPE GUID for <paramref name="subTag"/>.</summary>
    public static byte[] FmtExtensible(int subTag, int channels, int sampleRate, int bits, int validBits, uint channelMask)
    {
        var f = new byte[40];
        Fmt(0xFFFE, channels, sampleRate, bits).CopyTo(f, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(18), (ushort)validBits);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(20), channelMask);
        new Guid($"{subTag:x8}-0000-0010-8000-00aa00389b71").TryWriteBytes(f.AsSpan(24));
        return f;
    }

    public static byte[] Int16Samples(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        return bytes;
    }

    public static byte[] UInt32(int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)value);
        return b;
    }
}
