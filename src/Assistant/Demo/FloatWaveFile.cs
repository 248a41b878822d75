using System.Buffers.Binary;

namespace Mixwright.Assistant.Demo;

/// <summary>
/// Just enough WAV for the demo: reads the 32-bit float files fluidsynth writes and writes the
/// stems as 32-bit float. Kept private to the demo until the project's own WAV I/O replaces it.
/// </summary>
internal static class FloatWaveFile
{
    private const ushort FormatIeeeFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    public static float[][] Read(string path, out int sampleRate)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
            throw new DemoRenderException($"'{path}' is not a RIFF/WAVE file.");
        int channels = 0;
        sampleRate = 0;
        int position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(position, 4);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4)), (uint)(bytes.Length - position - 8));
            var body = bytes.AsSpan(position + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                ushort format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
                if (format == FormatExtensible && size >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
                ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format != FormatIeeeFloat || bits != 32 || channels < 1)
                    throw new DemoRenderException($"'{path}' is not 32-bit float WAV (format {format}, {bits} bits, {channels} channels).");
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0) throw new DemoRenderException($"'{path}' has its data chunk before its fmt chunk.");
                int frames = size / (4 * channels);
                var planar = new float[channels][];
                for (int c = 0; c < channels; c++) planar[c] = new float[frames];
                for (int f = 0; f < frames; f++)
                    for (int c = 0; c < channels; c++)
                        planar[c][f] = BinaryPrimitives.ReadSingleLittleEndian(body[((f * channels + c) * 4)..]);
                return planar;
            }
            position += 8 + size + (size & 1);
        }
        throw new DemoRenderException($"'{path}' has no data chunk.");
    }

    public static void Write(string path, float[][] channels, int sampleRate)
    {
        int frames = channels[0].Length, count = channels.Length;
        int dataBytes = checked(frames * count * 4);
        // fmt (18 bytes, as non-PCM formats carry cbSize) + fact (frame count, required for float) + data.
        var bytes = new byte[12 + 26 + 12 + 8 + dataBytes];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(bytes.Length - 8));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 18);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], FormatIeeeFloat);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * count * 4));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(count * 4));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 32);
        BinaryPrimitives.WriteUInt16LittleEndian(span[36..], 0);
        "fact"u8.CopyTo(span[38..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(span[46..], (uint)frames);
        "data"u8.CopyTo(span[50..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[54..], (uint)dataBytes);
        var data = span[58..];
        for (int f = 0; f < frames; f++)
            for (int c = 0; c < count; c++)
                BinaryPrimitives.WriteSingleLittleEndian(data[((f * count + c) * 4)..], channels[c][f]);
        File.WriteAllBytes(path, bytes);
    }
}
