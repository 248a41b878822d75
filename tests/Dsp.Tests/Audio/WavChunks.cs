using System.Buffers.Binary;
using System.Text;

namespace Mixwright.Dsp.Tests.Audio;

/// <summary>Hand-built WAV files for the audio I/O tests: chunks, fmt bodies and raw samples.</summary>
internal static class WavChunks
{
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
