using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// The one way the mixer opens and saves audio. WAV at the session rate streams straight from the
/// file; anything else (other formats, other rates) is decoded and resampled once by ffmpeg into a
/// float WAV in a cache directory and streamed from there. Every source checks its samples.
/// </summary>
public static class AudioFile
{
    /// <summary>Stems are mono or stereo: the console has no surround bus.</summary>
    public const int MaxStemChannels = 2;

    // Part of every cache key: change it whenever the decode settings change, so stale files are not reused.
    private const string DecoderVersion = "f32-soxr28-v1";

    /// <summary>
    /// Opens a stem for streaming at <paramref name="sessionSampleRate"/>, decoding/resampling it into
    /// <paramref name="cacheDirectory"/> if needed. The caller disposes the source.
    /// </summary>
    public static IAudioSource OpenStem(string path, int sessionSampleRate, string cacheDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sessionSampleRate);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        if (!File.Exists(path)) throw new AudioFormatException($"Stem not found: {path}");
        return new ValidatingAudioSource(Open(path, sessionSampleRate, cacheDirectory, MaxStemChannels), Path.GetFileName(path));
    }

    /// <summary>
    /// Opens any file ffmpeg reads for streaming at its own sample rate and channel count (for measuring a
    /// mix or a reference of any length); non-WAV formats are decoded once into <paramref name="cacheDirectory"/>.
    /// </summary>
    /// <param name="maxChannels">For measuring (the analysers take mono or stereo), <see cref="MaxStemChannels"/>; null for any.</param>
    public static IAudioSource Open(string path, string cacheDirectory, int? maxChannels = null)
    {
        if (!File.Exists(path)) throw new AudioFormatException($"{Path.GetFileName(path)}: file not found ({path}); check the name and folder.");
        var source = Open(path, null, cacheDirectory, maxChannels);
        try
        {
            // Played or measured at its own rate, so the rate must be one the analysers and filters are built for.
            AudioFileProblem.RequireSampleRate(source.Name, source.SampleRate);
        }
        catch
        {
            source.Dispose();
            throw;
        }
        return new ValidatingAudioSource(source, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads a whole file (any format ffmpeg reads, any channel count), resampled to
    /// <paramref name="sampleRate"/> when given. Without a cache directory, decodes into a temporary
    /// one that is deleted afterwards.
    /// </summary>
    public static AudioBuffer ReadAll(string path, int? sampleRate = null, string? cacheDirectory = null)
    {
        if (sampleRate is <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
        if (!File.Exists(path)) throw new AudioFormatException($"File not found: {path}");
        string name = Path.GetFileName(path);
        string? temporary = cacheDirectory is null ? Path.Combine(Path.GetTempPath(), $"mixwright-decode-{Guid.NewGuid():N}") : null;
        try
        {
            using var source = new ValidatingAudioSource(Open(path, sampleRate, cacheDirectory ?? temporary!, maxChannels: null), name);
            return WavReader.ReadAll(source, name);
        }
        finally
        {
            if (temporary is not null && Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
    }

    /// <summary>
    /// Saves <paramref name="buffer"/> atomically. A .wav path is written directly in
    /// <paramref name="wavFormat"/>; any other extension ffmpeg can encode goes through a temporary
    /// WAV (24-bit for the lossless integer targets FLAC and AIFF, so rounding is ours; float for
    /// lossy codecs, so nothing is quantised before the encoder).
    /// </summary>
    /// <summary>
    /// The WAV format handed to ffmpeg when encoding to <paramref name="path"/>: 24-bit PCM for lossless
    /// integer formats, so the rounding is ours and tested, float for lossy codecs, which want full precision.
    /// </summary>
    public static WavSampleFormat EncoderInputFormat(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".flac" or ".aiff" or ".aif" ? WavSampleFormat.Pcm24 : WavSampleFormat.Float32;

    public static void Save(string path, AudioBuffer buffer, WavSampleFormat wavFormat = WavSampleFormat.Float32)
    {
        if (IsWav(path))
        {
            WavWriter.Write(path, buffer, wavFormat);
            return;
        }
        FfmpegCodec.RequireEncodable(path);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var intermediate = EncoderInputFormat(full);
        string temporaryWav = Path.Combine(directory, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}.wav");
        try
        {
            using (var stream = new FileStream(temporaryWav, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
                WavWriter.Write(stream, buffer, intermediate);
            FfmpegCodec.Encode(temporaryWav, full);
        }
        finally
        {
            File.Delete(temporaryWav);
        }
    }

    private static WavFileSource Open(string path, int? sampleRate, string cacheDirectory, int? maxChannels)
    {
        string name = Path.GetFileName(path);
        bool isWav = IsWav(path);
        if (isWav)
        {
            // Our own reader decides first: it gives precise messages for truncated or empty WAVs,
            // and only encodings it does not decode itself (ADPCM, mu-law...) fall through to ffmpeg.
            var header = WavHeader.Read(path, name);
            RequireChannels(name, header.ChannelCount, maxChannels);
            if (header.IsSupportedEncoding)
            {
                header.RequireReadable();
                if (sampleRate is null || header.SampleRate == sampleRate) return WavReader.Open(path, name);
            }
        }

        string cached = CachePath(path, sampleRate, cacheDirectory);
        if (File.Exists(cached))
        {
            WavFileSource? hit = null;
            try
            {
                hit = WavReader.Open(cached, name);
            }
            catch (AudioFormatException)
            {
                File.Delete(cached); // damaged outside our control: decode it again
            }
            if (hit is not null) return RequireChannels(hit, maxChannels);
        }

        // Probe before decoding so an unusable file (surround, not audio) costs no decode and leaves no cache entry.
        if (!isWav) RequireChannels(name, FfmpegCodec.Probe(path).ChannelCount, maxChannels);
        FfmpegCodec.DecodeToWav(path, cached, sampleRate);
        return RequireChannels(WavReader.Open(cached, name), maxChannels);
    }

    private static WavFileSource RequireChannels(WavFileSource source, int? maxChannels)
    {
        try
        {
            RequireChannels(source.Name, source.ChannelCount, maxChannels);
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static void RequireChannels(string name, int channels, int? maxChannels)
    {
        if (maxChannels is null || channels <= maxChannels) return;
        throw AudioFileProblem.Channels(name, channels);
    }

    /// <summary>
    /// The decoded file for this exact source and rate: the key covers the full path, size and
    /// modification time (an edited stem gets a new entry) and the decoder settings.
    /// </summary>
    internal static string CachePath(string path, int? sampleRate, string cacheDirectory)
    {
        var info = new FileInfo(path);
        string key = string.Join('\n',
            info.FullName,
            info.Length.ToString(CultureInfo.InvariantCulture),
            info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture),
            sampleRate?.ToString(CultureInfo.InvariantCulture) ?? "native",
            DecoderVersion);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        string stem = new(Path.GetFileNameWithoutExtension(path).Take(40).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return Path.Combine(Path.GetFullPath(cacheDirectory), $"{stem}-{hash}.wav");
    }

    public static bool IsWav(string path) =>
        Path.GetExtension(path).Equals(".wav", StringComparison.OrdinalIgnoreCase)
        || Path.GetExtension(path).Equals(".wave", StringComparison.OrdinalIgnoreCase);
}
