using System.Buffers.Binary;
using System.Globalization;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// The RIFF/WAVE structure: where the samples are and how they are encoded. Reading walks the
/// chunks in any order, skipping ones it does not need; writing produces a fixed-size header so
/// the writer can patch sizes in place once it knows them.
/// </summary>
internal sealed record WavHeader(
    string Name,
    int SampleRate,
    int ChannelCount,
    WavSampleFormat? Format,
    string EncodingDescription,
    long DataOffset,
    long DataBytes)
{
    public const ushort FormatPcm = 0x0001;
    public const ushort FormatIeeeFloat = 0x0003;
    public const ushort FormatExtensible = 0xFFFE;

    // KSDATAFORMAT_SUBTYPE_* GUIDs are the format tag followed by these 14 bytes.
    private static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>False for encodings this reader does not decode itself (ADPCM, mu-law...); ffmpeg can.</summary>
    public bool IsSupportedEncoding => Format is not null;

    public int BlockAlign => ChannelCount * Format!.Value.BytesPerSample();

    public long LengthFrames => DataBytes / BlockAlign;

    public WavInfo ToInfo() => new(SampleRate, ChannelCount, LengthFrames, Format!.Value);

    /// <summary>Throws unless the reader can decode this file and it holds at least one frame.</summary>
    public WavHeader RequireReadable()
    {
        if (Format is null)
            throw new AudioFormatException($"{Name}: {EncodingDescription} WAV files are not supported; export it as PCM or float WAV.");
        if (LengthFrames == 0)
            throw new AudioFormatException($"{Name}: the file contains no audio (its data chunk holds 0 frames).");
        return this;
    }

    public static WavHeader Read(string path, string? displayName = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        return Read(stream, displayName ?? Path.GetFileName(path));
    }

    /// <summary>Reads from the start of a seekable stream; leaves its position undefined.</summary>
    public static WavHeader Read(Stream stream, string name)
    {
        long length = stream.Length;
        if (length == 0) throw new AudioFormatException($"{name}: the file is empty.");

        Span<byte> riff = stackalloc byte[12];
        stream.Position = 0;
        if (stream.ReadAtLeast(riff, 12, throwOnEndOfStream: false) < 12)
            throw new AudioFormatException($"{name}: not a WAV file (only {length} bytes, too short for a RIFF/WAVE header).");
        if (riff[..4].SequenceEqual("RF64"u8))
            throw new AudioFormatException($"{name}: RF64 (over 4 GiB) WAV files are not supported; export it as a standard WAV or FLAC.");
        if (!riff[..4].SequenceEqual("RIFF"u8) || !riff[8..12].SequenceEqual("WAVE"u8))
            throw new AudioFormatException($"{name}: not a WAV file (it does not start with a RIFF/WAVE header).");

        // The RIFF size field is ignored: writers often get it wrong, and the file length is the truth.
        FmtChunk? fmt = null;
        long dataOffset = -1, dataBytes = 0;
        long pos = 12;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> fmtBuffer = stackalloc byte[40];
        while (pos + 8 <= length)
        {
            stream.Position = pos;
            stream.ReadExactly(chunk);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            long body = pos + 8;
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16) throw new AudioFormatException($"{name}: corrupt WAV (the fmt chunk is only {size} bytes).");
                if (body + size > length) throw new AudioFormatException($"{name}: corrupt WAV (the fmt chunk is truncated).");
                Span<byte> fmtBytes = fmtBuffer[..(int)Math.Min(size, 40u)];
                stream.ReadExactly(fmtBytes);
                fmt = ParseFormat(fmtBytes, name);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                dataOffset = body;
                dataBytes = size;
            }
            if (fmt is not null && dataOffset >= 0) break; // anything after (LIST, id3...) is not needed
            pos = body + size + (size & 1); // chunks are word aligned: odd sizes carry a pad byte
        }

        if (fmt is null)
            throw new AudioFormatException(dataOffset >= 0 && dataOffset + dataBytes > length
                ? $"{name}: the data chunk is truncated (and no fmt chunk was found after it)."
                : $"{name}: corrupt WAV (it has no fmt chunk).");
        if (dataOffset < 0)
            throw new AudioFormatException($"{name}: corrupt WAV (it has no data chunk).");

        var header = new WavHeader(name, fmt.SampleRate, fmt.Channels, fmt.SampleFormat, fmt.Description, dataOffset, dataBytes);
        if (header.Format is not null && dataOffset + dataBytes > length)
        {
            double bytesPerSecond = (double)header.BlockAlign * header.SampleRate;
            throw new AudioFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: the data chunk is truncated (header says {dataBytes / bytesPerSecond:F1} s, file holds {(length - dataOffset) / bytesPerSecond:F1} s)."));
        }
        return header;
    }

    private sealed record FmtChunk(int SampleRate, int Channels, WavSampleFormat? SampleFormat, string Description);

    private static FmtChunk ParseFormat(ReadOnlySpan<byte> fmt, string name)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (channels == 0) throw AudioFileProblem.NoChannels(name);
        if (sampleRate == 0 || sampleRate > AudioFileProblem.MaxSampleRate) throw AudioFileProblem.SampleRate(name, sampleRate);

        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40)
                throw new AudioFormatException($"{name}: corrupt WAV (an extensible fmt chunk must be 40 bytes, this one is {fmt.Length}).");
            // The container size (bits) decides the layout; valid bits sit at the top of it, so
            // scaling by the container size is right for e.g. 20-in-24-bit files too.
            ReadOnlySpan<byte> subFormat = fmt[24..40];
            tag = subFormat[2..].SequenceEqual(SubFormatGuidTail) ? BinaryPrimitives.ReadUInt16LittleEndian(subFormat) : -1;
        }

        WavSampleFormat? format = (tag, bits) switch
        {
            (FormatPcm, 8) => WavSampleFormat.Pcm8,
            (FormatPcm, 16) => WavSampleFormat.Pcm16,
            (FormatPcm, 24) => WavSampleFormat.Pcm24,
            (FormatPcm, 32) => WavSampleFormat.Pcm32,
            (FormatIeeeFloat, 32) => WavSampleFormat.Float32,
            (FormatIeeeFloat, 64) => WavSampleFormat.Float64,
            _ => null,
        };
        string description = tag switch
        {
            FormatPcm => $"{bits}-bit PCM",
            FormatIeeeFloat => $"{bits}-bit float",
            -1 => "extensible (non-PCM subformat)",
            _ => $"format 0x{tag:X4} ({bits}-bit)",
        };
        if (format is { } f && blockAlign != channels * f.BytesPerSample())
            throw new AudioFormatException(
                $"{name}: corrupt WAV (block align {blockAlign} does not match {channels} channels of {description}).");
        return new FmtChunk((int)sampleRate, channels, format, description);
    }

    /// <summary>
    /// Header for <paramref name="format"/>: plain PCM/float fmt for up to two channels, extensible
    /// beyond (which the spec asks for when there are more than two). Float files carry the fact
    /// chunk the spec requires for non-PCM data. The length depends only on format and channels.
    /// </summary>
    public static byte[] Build(WavSampleFormat format, int channels, int sampleRate, long dataBytes, long frames)
    {
        bool extensible = channels > 2;
        bool isFloat = format.IsFloat();
        int bytesPerSample = format.BytesPerSample();
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        int headerBytes = HeaderBytes(format, channels);
        long pad = dataBytes & 1;

        var h = new byte[headerBytes];
        var w = h.AsSpan();
        "RIFF"u8.CopyTo(w);
        BinaryPrimitives.WriteUInt32LittleEndian(w[4..], checked((uint)(headerBytes - 8 + dataBytes + pad)));
        "WAVE"u8.CopyTo(w[8..]);
        "fmt "u8.CopyTo(w[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(w[16..], (uint)fmtSize);
        var f = w.Slice(20, fmtSize);
        ushort tag = isFloat ? FormatIeeeFloat : FormatPcm;
        BinaryPrimitives.WriteUInt16LittleEndian(f, extensible ? FormatExtensible : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(f[2..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(f[4..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(f[8..], (uint)(sampleRate * channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(f[12..], (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(f[14..], (ushort)(8 * bytesPerSample));
        if (fmtSize >= 18) BinaryPrimitives.WriteUInt16LittleEndian(f[16..], (ushort)(fmtSize - 18));
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(f[18..], (ushort)(8 * bytesPerSample)); // valid bits
            // Channel mask 0: the engine does not know which speaker each channel feeds, and
            // claiming a layout it cannot vouch for would be worse than saying nothing.
            BinaryPrimitives.WriteUInt32LittleEndian(f[20..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(f[24..], tag);
            SubFormatGuidTail.CopyTo(f[26..]);
        }
        int p = 20 + fmtSize;
        if (isFloat)
        {
            "fact"u8.CopyTo(w[p..]);
            BinaryPrimitives.WriteUInt32LittleEndian(w[(p + 4)..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(w[(p + 8)..], (uint)Math.Min(frames, uint.MaxValue));
            p += 12;
        }
        "data"u8.CopyTo(w[p..]);
        BinaryPrimitives.WriteUInt32LittleEndian(w[(p + 4)..], checked((uint)dataBytes));
        return h;
    }

    public static int HeaderBytes(WavSampleFormat format, int channels)
    {
        int fmtSize = channels > 2 ? 40 : format.IsFloat() ? 18 : 16;
        return 12 + 8 + fmtSize + (format.IsFloat() ? 12 : 0) + 8;
    }

    /// <summary>Largest data chunk whose RIFF size (header + data + pad) still fits the 32-bit field.</summary>
    public static long MaxDataBytes(WavSampleFormat format, int channels) =>
        uint.MaxValue - (HeaderBytes(format, channels) - 8) - 1;
}
