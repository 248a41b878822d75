using System.Text;

namespace Mixwright.Dsp.Tests.Processors;

/// <summary>
/// Minimal 32-bit float RIFF/WAVE reader and writer so the processor tests can hand audio to sox and
/// ffmpeg (the engine's own WAV I/O is tested elsewhere).
/// </summary>
internal static class TestWav
{
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    public static void Write(string path, float[][] channels, int sampleRate)
    {
        int frames = channels[0].Length, count = channels.Length;
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Encoding.ASCII.GetBytes("RIFF"));
        w.Write(4 + 8 + 18 + 8 + 4 + 8 + frames * count * 4);
        w.Write(Encoding.ASCII.GetBytes("WAVE"));
        w.Write(Encoding.ASCII.GetBytes("fmt "));
        w.Write(18);
        w.Write(FormatFloat);
        w.Write((ushort)count);
        w.Write(sampleRate);
        w.Write(sampleRate * count * 4);
        w.Write((ushort)(count * 4));
        w.Write((ushort)32);
        w.Write((ushort)0);
        w.Write(Encoding.ASCII.GetBytes("fact"));
        w.Write(4);
        w.Write(frames);
        w.Write(Encoding.ASCII.GetBytes("data"));
        w.Write(frames * count * 4);
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < count; c++) w.Write(channels[c][i]);
    }

    public static (float[][] Channels, int SampleRate) Read(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        if (Encoding.ASCII.GetString(r.ReadBytes(4)) != "RIFF") throw new InvalidDataException($"{path}: not a RIFF file.");
        r.ReadInt32();
        if (Encoding.ASCII.GetString(r.ReadBytes(4)) != "WAVE") throw new InvalidDataException($"{path}: not a WAVE file.");
        int count = 0, rate = 0, bits = 0;
        ushort format = 0;
        while (r.BaseStream.Position < r.BaseStream.Length)
        {
            string id = Encoding.ASCII.GetString(r.ReadBytes(4));
            int size = r.ReadInt32();
            long next = r.BaseStream.Position + size + (size & 1);
            if (id == "fmt ")
            {
                format = r.ReadUInt16();
                count = r.ReadUInt16();
                rate = r.ReadInt32();
                r.ReadInt32();
                r.ReadUInt16();
                bits = r.ReadUInt16();
                if (format == FormatExtensible)
                {
                    r.ReadUInt16(); r.ReadUInt16(); r.ReadInt32();
                    format = r.ReadUInt16(); // first two bytes of the sub-format GUID are the format tag
                }
            }
            else if (id == "data")
            {
                if (format != FormatFloat || bits != 32) throw new InvalidDataException($"{path}: expected 32-bit float samples (format {format}, {bits} bits).");
                int frames = size / (4 * count);
                var channels = Enumerable.Range(0, count).Select(_ => new float[frames]).ToArray();
                for (int i = 0; i < frames; i++)
                    for (int c = 0; c < count; c++) channels[c][i] = r.ReadSingle();
                return (channels, rate);
            }
            r.BaseStream.Position = next;
        }
        throw new InvalidDataException($"{path}: no data chunk.");
    }
}
