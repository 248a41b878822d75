using System.Runtime.InteropServices;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// Streams planar audio into a WAV file block by block. The header is written up front with zero
/// sizes and patched when the writer finishes, so the length need not be known in advance.
/// <para>
/// Given a path, the file is written atomically (<see cref="AtomicFileWriter"/>): <see cref="Finish"/>
/// completes it and puts it in place, while disposing without <see cref="Finish"/> (an exception
/// mid-render) discards it, so a half-written render never appears. Given a stream, the caller owns
/// it and disposing finishes the header.
/// </para>
/// Float to integer PCM rounds to nearest and clips; there is deliberately no dither, so a file
/// that was read writes back bit-identical (see <see cref="SampleConversion.Encode"/>).
/// </summary>
public sealed class WavFileWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly AtomicFileWriter? _atomic;
    private readonly string _name;
    private readonly long _start;
    private readonly int _blockAlign;
    private readonly byte[] _bytes;
    private readonly float[] _interleaved;
    private long _dataBytes;
    private bool _finished;
    private bool _disposed;

    /// <summary>Writes atomically to <paramref name="path"/>; call <see cref="Finish"/> to keep the file.</summary>
    public WavFileWriter(string path, int sampleRate, int channels, WavSampleFormat format)
        : this(new AtomicFileWriter(Validated(path, sampleRate, channels, format)), sampleRate, channels, format)
    {
    }

    // Checked before the temporary file exists, so bad arguments cannot leave one behind.
    private static string Validated(string path, int sampleRate, int channels, WavSampleFormat format)
    {
        ValidateShape(sampleRate, channels, format);
        return path;
    }

    private static void ValidateShape(int sampleRate, int channels, WavSampleFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, ushort.MaxValue / 8);
        _ = format.BytesPerSample(); // rejects undefined enum values
    }

    private WavFileWriter(AtomicFileWriter atomic, int sampleRate, int channels, WavSampleFormat format)
        : this(atomic.Stream, sampleRate, channels, format, leaveOpen: true, Path.GetFileName(atomic.DestinationPath))
    {
        _atomic = atomic;
    }

    /// <summary>Writes into a seekable stream from its current position.</summary>
    public WavFileWriter(Stream stream, int sampleRate, int channels, WavSampleFormat format, bool leaveOpen = false)
        : this(stream, sampleRate, channels, format, leaveOpen, stream is FileStream fs ? Path.GetFileName(fs.Name) : "WAV output")
    {
    }

    private WavFileWriter(Stream stream, int sampleRate, int channels, WavSampleFormat format, bool leaveOpen, string name)
    {
        if (!stream.CanSeek || !stream.CanWrite)
            throw new ArgumentException("A WAV writer needs a writable, seekable stream to patch the header sizes.", nameof(stream));
        ValidateShape(sampleRate, channels, format);

        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name;
        SampleRate = sampleRate;
        ChannelCount = channels;
        Format = format;
        _blockAlign = channels * format.BytesPerSample();
        _bytes = new byte[WavFileSource.ChunkFrames * _blockAlign];
        _interleaved = new float[WavFileSource.ChunkFrames * channels];
        MaxDataBytes = WavHeader.MaxDataBytes(format, channels);
        _start = stream.Position;
        stream.Write(WavHeader.Build(format, channels, sampleRate, 0, 0));
    }

    public int SampleRate { get; }
    public int ChannelCount { get; }
    public WavSampleFormat Format { get; }
    public long FramesWritten => _dataBytes / _blockAlign;

    /// <summary>The RIFF size field is 32 bits: beyond this the file cannot be described. Lowered by tests.</summary>
    internal long MaxDataBytes { get; set; }

    /// <summary>Appends the first <paramref name="frames"/> frames of <paramref name="source"/>.</summary>
    public void Write(AudioBuffer source, int frames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished) throw new InvalidOperationException($"{_name} is already finished.");
        if (source.ChannelCount != ChannelCount)
            throw new ArgumentException($"{_name} has {ChannelCount} channel(s) but the buffer has {source.ChannelCount}.", nameof(source));
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frames, source.Frames);

        long newBytes = (long)frames * _blockAlign;
        if (_dataBytes + newBytes > MaxDataBytes)
        {
            double seconds = (double)(_dataBytes + newBytes) / _blockAlign / SampleRate;
            throw new AudioFormatException(
                $"{_name}: a WAV file cannot hold more than 4 GiB of audio ({seconds / 60:F0} min of {ChannelCount} channel(s) {Format} " +
                $"at {SampleRate} Hz would exceed it); use a smaller sample format, a lower rate, or FLAC.");
        }

        for (int done = 0; done < frames;)
        {
            int n = Math.Min(WavFileSource.ChunkFrames, frames - done);
            WriteChunk(source, done, n);
            done += n;
        }
        _dataBytes += newBytes;
    }

    private void WriteChunk(AudioBuffer source, int offset, int frames)
    {
        if (Format == WavSampleFormat.Float32 && ChannelCount == 1)
        {
            _stream.Write(MemoryMarshal.AsBytes(source.Channel(0).Slice(offset, frames)));
            return;
        }
        Span<float> interleaved = _interleaved.AsSpan(0, frames * ChannelCount);
        SampleConversion.Interleave(source, offset, frames, interleaved);
        if (Format == WavSampleFormat.Float32)
        {
            _stream.Write(MemoryMarshal.AsBytes(interleaved));
            return;
        }
        Span<byte> bytes = _bytes.AsSpan(0, frames * _blockAlign);
        SampleConversion.Encode(interleaved, bytes, Format);
        _stream.Write(bytes);
    }

    /// <summary>Pads the data chunk, patches the header sizes and, for a path, puts the file in place.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished) return;
        if ((_dataBytes & 1) != 0) _stream.WriteByte(0);
        long end = _stream.Position;
        _stream.Position = _start;
        _stream.Write(WavHeader.Build(Format, ChannelCount, SampleRate, _dataBytes, FramesWritten));
        _stream.Position = end;
        _stream.Flush();
        _finished = true;
        _atomic?.Commit();
    }

    public void Dispose()
    {
        if (_disposed) return;
        try
        {
            if (_atomic is null && !_finished) Finish();
        }
        finally
        {
            _disposed = true;
            if (_atomic is not null) _atomic.Dispose(); // deletes the temporary unless Finish committed it
            else if (!_leaveOpen) _stream.Dispose();
        }
    }
}
