using System.Buffers.Binary;
using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Evaluation;

/// <summary>
/// Damaged audio files for fuzzing the readers, from a seed: valid WAVs of every sample format with lying
/// headers (sample rate 0 or 4 GHz, 0 or 65,535 channels, a data size far beyond the file), flipped bytes,
/// truncations, junk chunks, NaN samples, random bytes under a .wav name, and a few non-WAV names for ffmpeg.
/// The same seed always gives the same files, so a failure can be replayed.
/// </summary>
public sealed class WavMutator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The kinds of damage, one per file in turn, so every kind is in every run.</summary>
    public static readonly string[] Kinds =
    [
        "flipped-header-bytes", "sample-rate", "channels", "lying-data-size", "truncated", "random-bytes", "bits-and-align",
        "format-tag", "fmt-size", "junk-chunk", "nan-samples", "riff-magic", "empty", "flipped-anywhere", "valid", "not-wav-name",
    ];

    /// <summary>File <paramref name="index"/>: its name (extension included) and bytes.</summary>
    public (string Name, byte[] Bytes) Next(int index)
    {
        string kind = Kinds[index % Kinds.Length];
        byte[] wav = ValidWav();
        string name = $"fuzz-{index:D5}-{kind}.wav";
        switch (kind)
        {
            case "flipped-header-bytes":
                for (int i = 0, n = _random.Next(1, 9); i < n; i++) wav[_random.Next(0, Math.Min(64, wav.Length))] ^= (byte)_random.Next(1, 256);
                break;
            case "sample-rate":
                uint[] rates = [0, 1, 7999, 768001, 1_000_000, uint.MaxValue, 0x80000000, (uint)_random.Next()];
                BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), rates[_random.Next(rates.Length)]);
                break;
            case "channels":
                ushort[] channels = [0, 3, 6, 8, 255, 65535, (ushort)_random.Next(0, 65536)];
                BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), channels[_random.Next(channels.Length)]);
                if (_random.Next(2) == 0) FixBlockAlign(wav); // consistent header, impossible layout
                break;
            case "lying-data-size":
                uint[] sizes = [0, 1, 3, uint.MaxValue, (uint)wav.Length * 10, (uint)_random.Next()];
                BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(DataOffset(wav) - 4), sizes[_random.Next(sizes.Length)]);
                break;
            case "truncated":
                Array.Resize(ref wav, _random.Next(0, wav.Length));
                break;
            case "random-bytes":
                wav = new byte[_random.Next(0, 4096)];
                _random.NextBytes(wav);
                if (wav.Length >= 12 && _random.Next(2) == 0) { "RIFF"u8.CopyTo(wav); "WAVE"u8.CopyTo(wav.AsSpan(8)); }
                break;
            case "bits-and-align":
                BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), (ushort)new[] { 0, 1, 7, 12, 20, 48, 128, _random.Next(0, 65536) }[_random.Next(8)]);
                if (_random.Next(2) == 0) BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), (ushort)_random.Next(0, 65536));
                break;
            case "format-tag":
                BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), (ushort)new[] { 0, 2, 6, 7, 0x11, 0x55, 0xFFFE, _random.Next(0, 65536) }[_random.Next(8)]);
                break;
            case "fmt-size":
                BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), new uint[] { 0, 2, 15, 39, 41, 100_000, uint.MaxValue, (uint)_random.Next() }[_random.Next(8)]);
                break;
            case "junk-chunk":
                var junk = new byte[8 + _random.Next(0, 64)];
                "JUNK"u8.CopyTo(junk);
                BinaryPrimitives.WriteUInt32LittleEndian(junk.AsSpan(4), _random.Next(3) == 0 ? uint.MaxValue - (uint)_random.Next(0, 16) : (uint)(junk.Length - 8 + _random.Next(-3, 4)));
                wav = [.. wav[..12], .. junk, .. wav[12..]];
                break;
            case "nan-samples":
                wav = ValidWav(WavSampleFormat.Float32);
                int data = DataOffset(wav);
                for (int i = 0, n = _random.Next(1, 4); i < n; i++)
                    BinaryPrimitives.WriteSingleLittleEndian(wav.AsSpan(data + 4 * _random.Next(0, (wav.Length - data) / 4)), _random.Next(2) == 0 ? float.NaN : float.PositiveInfinity);
                break;
            case "riff-magic":
                (_random.Next(3) switch { 0 => "RIFX"u8, 1 => "RF64"u8, _ => "riff"u8 }).CopyTo(wav);
                break;
            case "empty":
                wav = [];
                break;
            case "flipped-anywhere":
                for (int i = 0, n = _random.Next(1, 33); i < n; i++) wav[_random.Next(0, wav.Length)] ^= (byte)_random.Next(1, 256);
                break;
            case "not-wav-name":
                name = $"fuzz-{index:D5}-{kind}{new[] { ".mp3", ".flac", ".ogg", ".aiff" }[_random.Next(4)]}";
                if (_random.Next(2) == 0) { wav = new byte[_random.Next(16, 2048)]; _random.NextBytes(wav); }
                break;
        }
        return (name, wav);
    }

    /// <summary>A short valid WAV: random format, rate, one or two channels, a little noise.</summary>
    private byte[] ValidWav(WavSampleFormat? format = null)
    {
        var formats = new[] { WavSampleFormat.Pcm8, WavSampleFormat.Pcm16, WavSampleFormat.Pcm24, WavSampleFormat.Pcm32, WavSampleFormat.Float32, WavSampleFormat.Float64 };
        int rate = new[] { 8000, 22050, 44100, 48000, 96000 }[_random.Next(5)];
        var buffer = new AudioBuffer(_random.Next(1, 3), _random.Next(1, rate / 4), rate);
        for (int c = 0; c < buffer.ChannelCount; c++)
            for (int i = 0; i < buffer.Frames; i++) buffer.Channel(c)[i] = (float)(_random.NextDouble() - 0.5);
        using var stream = new MemoryStream();
        WavWriter.Write(stream, buffer, format ?? formats[_random.Next(formats.Length)]);
        return stream.ToArray();
    }

    private static int DataOffset(byte[] wav)
    {
        for (int i = 12; i + 8 <= wav.Length; i++)
            if (wav.AsSpan(i, 4).SequenceEqual("data"u8)) return i + 8;
        return 44;
    }

    private static void FixBlockAlign(byte[] wav)
    {
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(22));
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(34));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), (ushort)(channels * bits / 8));
    }
}
