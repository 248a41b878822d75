using System.Globalization;
using System.Runtime.InteropServices;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// Streams a WAV file block by block. The byte and conversion buffers are sized once for
/// <see cref="ChunkFrames"/>; larger reads are served in several chunks, so reading never allocates.
/// Open one with <see cref="WavReader.Open(string)"/>.
/// </summary>
public sealed class WavFileSource : IAudioSource
{
    /// <summary>Frames converted per pass: large enough to amortise the system call, small enough for cache.</summary>
    internal const int ChunkFrames = 4096;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly WavHeader _header;
    private readonly int _blockAlign;
    private readonly byte[] _bytes;
    private readonly float[] _interleaved;
    private long _position;

    internal WavFileSource(Stream stream, string name, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        try
        {
            _header = WavHeader.Read(stream, name).RequireReadable();
        }
        catch
        {
            if (!leaveOpen) stream.Dispose();
            throw;
        }
        _blockAlign = _header.BlockAlign;
        _bytes = new byte[ChunkFrames * _blockAlign];
        // Float32 is deinterleaved straight from the byte buffer; every other format converts first.
        _interleaved = _header.Format == WavSampleFormat.Float32 ? [] : new float[ChunkFrames * _header.ChannelCount];
        _stream.Position = _header.DataOffset;
    }

    /// <summary>The file name used in error messages.</summary>
    public string Name => _header.Name;
    public WavInfo Info => _header.ToInfo();
    public WavSampleFormat Format => _header.Format!.Value;
    public int SampleRate => _header.SampleRate;
    public int ChannelCount => _header.ChannelCount;
    public long LengthFrames => _header.LengthFrames;

    /// <summary>The next frame <see cref="Read"/> will return.</summary>
    public long Position => _position;

    /// <summary>Moves the read position to <paramref name="frame"/> (0 .. <see cref="LengthFrames"/>).</summary>
    public void Seek(long frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frame, LengthFrames);
        _stream.Position = _header.DataOffset + frame * _blockAlign;
        _position = frame;
    }

    public int Read(AudioBuffer destination, int frames)
    {
        if (destination.ChannelCount != ChannelCount)
            throw new ArgumentException(
                $"{Name} has {ChannelCount} channel(s) but the destination buffer has {destination.ChannelCount}.", nameof(destination));
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frames, destination.Frames);

        int total = (int)Math.Min(frames, LengthFrames - _position);
        for (int done = 0; done < total;)
        {
            int n = Math.Min(ChunkFrames, total - done);
            ReadChunk(destination, done, n);
            done += n;
            _position += n;
        }
        return total;
    }

    private void ReadChunk(AudioBuffer destination, int offset, int frames)
    {
        int byteCount = frames * _blockAlign;
        if (Format == WavSampleFormat.Float32 && ChannelCount == 1)
        {
            // Mono float is already the planar layout: read straight into the channel.
            Fill(MemoryMarshal.AsBytes(destination.Channel(0).Slice(offset, frames)));
            return;
        }
        Span<byte> bytes = _bytes.AsSpan(0, byteCount);
        Fill(bytes);
        int samples = frames * ChannelCount;
        if (Format == WavSampleFormat.Float32)
        {
            SampleConversion.Deinterleave(MemoryMarshal.Cast<byte, float>(bytes), destination, offset, frames);
            return;
        }
        Span<float> interleaved = _interleaved.AsSpan(0, samples);
        SampleConversion.Decode(bytes, interleaved, Format);
        SampleConversion.Deinterleave(interleaved, destination, offset, frames);
    }

    private void Fill(Span<byte> bytes)
    {
        int got = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (got < bytes.Length)
        {
            double seconds = (double)(_position + got / _blockAlign) / SampleRate;
            throw new AudioFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: the file ended early at {seconds:F1} s of {(double)LengthFrames / SampleRate:F1} s (was it truncated while being read?)."));
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }
}
