using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using FFMpegCore;
using FFMpegCore.Enums;
using FFMpegCore.Exceptions;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// Everything that is not WAV goes through ffmpeg (Debian's build, on PATH): decoding any format it
/// reads to float WAV, resampling, encoding deliveries, probing. Outputs are written atomically.
/// Failures become an <see cref="AudioFormatException"/> naming the file and quoting ffmpeg's reason.
/// </summary>
public static partial class FfmpegCodec
{
    /// <summary>Extensions <see cref="Encode(string, string)"/> can produce.</summary>
    public static IReadOnlyList<string> EncodableExtensions { get; } = [".flac", ".mp3", ".ogg", ".opus", ".m4a", ".aiff", ".aif"];

    private const string InstallHint = "apt-get install ffmpeg";

    /// <summary>
    /// Decodes the first audio stream of <paramref name="input"/> to a 32-bit float WAV at
    /// <paramref name="outputWav"/>, keeping its channels, resampled to <paramref name="sampleRate"/>
    /// when given. Float output means decoding adds no quantisation of its own.
    /// </summary>
    public static void DecodeToWav(string input, string outputWav, int? sampleRate) =>
        DecodeToWav(input, outputWav, sampleRate, GlobalFFOptions.Current);

    internal static void DecodeToWav(string input, string outputWav, int? sampleRate, FFOptions options)
    {
        if (sampleRate is <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
        string name = Path.GetFileName(input);
        RequireFile(input, name);
        string arguments = "-map 0:a:0 -vn -sn -dn -map_metadata -1 -c:a pcm_f32le -f wav";
        if (sampleRate is { } rate) arguments += $" -af {Resampler(rate, options)} -ar {rate}";

        using var output = new AtomicFileWriter(outputWav);
        Run(name, "decode", options, () => FFMpegArguments
            .FromFileInput(input, verifyExists: false)
            .OutputToFile(output.TempPath, overwrite: true, o => o.WithCustomArgument(arguments))
            .WithLogLevel(FFMpegLogLevel.Error)
            .ProcessSynchronously(throwOnError: true, options));
        output.Commit();
    }

    /// <summary>
    /// Encodes a WAV to the format named by <paramref name="output"/>'s extension: .flac (24-bit),
    /// .aiff/.aif (24-bit), .mp3 (320 kb/s), .ogg (Vorbis q8), .opus (192 kb/s, 48 kHz), .m4a (AAC 256 kb/s).
    /// Integer targets take the top 24 bits of what ffmpeg is given: feed a Pcm24 WAV to control rounding.
    /// </summary>
    public static void Encode(string inputWav, string output) => Encode(inputWav, output, GlobalFFOptions.Current);

    internal static void Encode(string inputWav, string output, FFOptions options)
    {
        string name = Path.GetFileName(output);
        string arguments = EncoderArguments(output, options);
        RequireFile(inputWav, Path.GetFileName(inputWav));

        using var atomic = new AtomicFileWriter(output);
        Run(name, "encode", options, () => FFMpegArguments
            .FromFileInput(inputWav, verifyExists: false)
            .OutputToFile(atomic.TempPath, overwrite: true, o => o.WithCustomArgument("-map 0:a:0 -vn -map_metadata -1 " + arguments))
            .WithLogLevel(FFMpegLogLevel.Error)
            .ProcessSynchronously(throwOnError: true, options));
        atomic.Commit();
    }

    /// <summary>Throws a clear message now, before any work, if <paramref name="output"/>'s extension cannot be encoded.</summary>
    public static void RequireEncodable(string output)
    {
        if (!EncodableExtensions.Contains(Path.GetExtension(output).ToLowerInvariant())) throw NotEncodable(output);
    }

    /// <summary>Sample rate, channels, duration and codec of the first audio stream.</summary>
    public static AudioProbe Probe(string path) => Probe(path, GlobalFFOptions.Current);

    internal static AudioProbe Probe(string path, FFOptions options)
    {
        string name = Path.GetFileName(path);
        RequireFile(path, name);
        IMediaAnalysis analysis = Run(name, "decode", "ffprobe", options, () => FFProbe.Analyse(path, options));
        AudioStream stream = analysis.PrimaryAudioStream
            ?? throw new AudioFormatException($"{name}: contains no audio stream.");
        // ffprobe reports a stream with rate 0 when it recognised a container but found no valid frames.
        if (stream.SampleRateHz is not > 0 || stream.Channels is not > 0)
            throw new AudioFormatException($"{name}: ffmpeg could not decode it (no valid {stream.CodecName} audio frames found).");
        TimeSpan duration = stream.Duration > TimeSpan.Zero ? stream.Duration : analysis.Duration;
        return new AudioProbe(stream.SampleRateHz.Value, stream.Channels.Value, duration, stream.CodecName ?? "unknown");
    }

    private static string EncoderArguments(string output, FFOptions options)
    {
        string ext = Path.GetExtension(output).ToLowerInvariant();
        return ext switch
        {
            // ffmpeg 5 FLAC stores s32 input as 24-bit; bits_per_raw_sample makes that explicit.
            ".flac" => "-c:a flac -sample_fmt s32 -bits_per_raw_sample 24 -f flac",
            ".aiff" or ".aif" => "-c:a pcm_s24be -f aiff",
            ".mp3" => "-c:a libmp3lame -b:a 320k -f mp3",
            ".ogg" => "-c:a libvorbis -q:a 8 -f ogg",
            // libopus takes 48 kHz (or lower, speech-grade rates) only: resample here with the good
            // resampler rather than let ffmpeg insert its default one.
            ".opus" => $"-af {Resampler(48000, options)} -ar 48000 -c:a libopus -b:a 192k -f opus",
            ".m4a" => "-c:a aac -b:a 256k -f ipod",
            _ => throw NotEncodable(output),
        };
    }

    private static AudioFormatException NotEncodable(string output) => new(
        $"{Path.GetFileName(output)}: cannot encode '{Path.GetExtension(output)}' files; use .wav, {string.Join(", ", EncodableExtensions)}.");

    /// <summary>
    /// SoX's resampler (libsoxr) at very high quality when this ffmpeg has it (Debian's does): flat
    /// passband, steep anti-alias filter. Otherwise ffmpeg's own with a longer filter than default.
    /// </summary>
    private static string Resampler(int rate, FFOptions options) =>
        HasSoxr(options)
            ? $"aresample=osr={rate}:resampler=soxr:precision=28"
            : $"aresample=osr={rate}:filter_size=64:phase_shift=14:cutoff=0.97";

    private static readonly Dictionary<string, bool> SoxrByBinary = [];

    private static bool HasSoxr(FFOptions options)
    {
        string binary = GlobalFFOptions.GetFFMpegBinaryPath(options);
        lock (SoxrByBinary)
        {
            if (!SoxrByBinary.TryGetValue(binary, out bool has))
                SoxrByBinary[binary] = has = QueryAresampleHelp(binary).Contains("soxr", StringComparison.Ordinal);
            return has;
        }
    }

    private static string QueryAresampleHelp(string binary)
    {
        try
        {
            var info = new ProcessStartInfo(binary, "-hide_banner -h filter=aresample")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return stdout + stderr.Result;
        }
        catch (Win32Exception)
        {
            return ""; // not installed: the real run reports it
        }
    }

    private static void RequireFile(string path, string name)
    {
        if (!File.Exists(path)) throw new AudioFormatException($"{name}: file not found ({path}).");
    }

    private static void Run(string name, string verb, FFOptions options, Func<FFMpegResult> action) =>
        Run(name, verb, "ffmpeg", options, action);

    private static T Run<T>(string name, string verb, string tool, FFOptions options, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (FFMpegProcessException e)
        {
            throw new AudioFormatException($"{name}: ffmpeg could not {verb} it ({Reason(e.Result.StandardError, e.Message)}).", e);
        }
        catch (FFProbeProcessException e)
        {
            throw new AudioFormatException($"{name}: ffmpeg could not {verb} it ({Reason(e.StandardError, e.Message)}).", e);
        }
        catch (FFMpegException e)
        {
            throw new AudioFormatException($"{name}: ffmpeg could not {verb} it ({e.Message}).", e);
        }
        catch (Exception e) when (IsMissingBinary(e))
        {
            throw new AudioFormatException($"{tool} is not installed or cannot be run (needed to {verb} {name}): {InstallHint}", e);
        }
    }

    private static bool IsMissingBinary(Exception e) => e switch
    {
        Win32Exception => true,
        FileNotFoundException or DirectoryNotFoundException => true,
        { InnerException: { } inner } => IsMissingBinary(inner),
        _ => false,
    };

    /// <summary>
    /// ffmpeg's reason in a few words: its error lines without "[decoder @ 0x...]" and file-path
    /// prefixes, repeats dropped. A flood of per-packet decode errors collapses to the one verdict.
    /// </summary>
    internal static string Reason(IReadOnlyList<string> stderr, string fallback)
    {
        var lines = stderr
            .Select(l => PathPrefix().Replace(LogPrefix().Replace(l, "").Trim(), "").TrimEnd('.'))
            .Where(l => l.Length > 0 && !l.StartsWith("Last message repeated", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        const string invalidData = "Invalid data found when processing input";
        if (lines.Any(l => l.Contains(invalidData, StringComparison.Ordinal))) return invalidData;
        if (lines.Count == 0) return fallback.Trim();
        string reason = string.Join("; ", lines.TakeLast(3));
        return reason.Length <= 240 ? reason : reason[..240] + "...";
    }

    [GeneratedRegex(@"^\[[^\]]*@ ?0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex LogPrefix();

    // "path/to/song.mp3: Invalid data found..." -> "Invalid data found..."; the caller names the file.
    [GeneratedRegex(@"^\S.*?\.[A-Za-z0-9]{1,5}: (?=\S)")]
    private static partial Regex PathPrefix();
}
