using System.Globalization;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// The one way a bad audio file is told to the user, wherever it is read (analyze, new, match, the tools, the
/// TUI): "FILE: what is wrong, in a user's terms; what to do". Never an exception type, a parameter name or a
/// stack trace: whatever the reader, ffmpeg or an analyser trips over becomes one of these sentences.
/// </summary>
public static class AudioFileProblem
{
    /// <summary>The sample rates every analyser and processor is built for.</summary>
    public const int MinSampleRate = 8000;
    public const int MaxSampleRate = 768000;

    private const string ReExport = "export it again from your DAW or editor as WAV or FLAC";

    public static AudioFormatException Channels(string name, int channels)
    {
        string kind = channels switch { 6 => " (5.1)", 8 => " (7.1)", _ => "" };
        return new($"{name}: {channels} channels{kind}; Mixwright mixes mono and stereo stems: export it as stereo, or as separate mono or stereo stems.");
    }

    public static AudioFormatException NoChannels(string name) =>
        new($"{name}: the file says it has 0 channels, so it holds no usable audio (it is damaged); {ReExport}.");

    public static AudioFormatException SampleRate(string name, long sampleRateHz)
    {
        string rate = sampleRateHz.ToString("N0", CultureInfo.InvariantCulture);
        return sampleRateHz is <= 0 or > MaxSampleRate
            ? new($"{name}: the file says its sample rate is {rate} Hz, which no audio has (it is damaged); {ReExport}.")
            : new($"{name}: a sample rate of {rate} Hz; Mixwright works with {MinSampleRate / 1000} kHz to {MaxSampleRate / 1000} kHz audio: export it at 44.1 or 48 kHz.");
    }

    /// <summary>A file that is damaged in a way the message can state (<paramref name="what"/>: "the data chunk is truncated").</summary>
    public static AudioFormatException Damaged(string name, string what) =>
        new($"{name}: {what}; the file is damaged or not audio: {ReExport}.");

    /// <summary>Throws unless <paramref name="sampleRateHz"/> is one the analysers take.</summary>
    public static void RequireSampleRate(string name, long sampleRateHz)
    {
        if (sampleRateHz is < MinSampleRate or > MaxSampleRate) throw SampleRate(name, sampleRateHz);
    }

    /// <summary>
    /// Runs a read of <paramref name="path"/>; a failure that is not already a sentence for the user (a damaged
    /// header that slipped past the reader and tripped an analyser's argument check, an I/O error) becomes one
    /// naming the file. Messages that are already ours pass through.
    /// </summary>
    public static T Reading<T>(string path, Func<T> read)
    {
        string name = Path.GetFileName(path);
        try
        {
            return read();
        }
        catch (AudioFormatException)
        {
            throw;
        }
        catch (FileNotFoundException e)
        {
            throw new AudioFormatException($"{name}: file not found ({path}); check the name and folder.", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new AudioFormatException($"{name}: file not found ({path}); check the name and folder.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AudioFormatException($"{name}: Mixwright may not read this file (permission denied); check its permissions.", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or IOException
                                      or OverflowException or IndexOutOfRangeException or OutOfMemoryException)
        {
            throw new AudioFormatException($"{name}: not audio Mixwright can read (its header or data is damaged or in a form it does not know); {ReExport}.", e);
        }
    }
}
