namespace Mixwright.Dsp.Audio;

/// <summary>How samples are stored in a WAV file's data chunk.</summary>
public enum WavSampleFormat
{
    /// <summary>Unsigned 8-bit PCM (the only unsigned WAV format). Read for old files; rarely worth writing.</summary>
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
}

internal static class WavSampleFormatExtensions
{
    public static int BytesPerSample(this WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm8 => 1,
        WavSampleFormat.Pcm16 => 2,
        WavSampleFormat.Pcm24 => 3,
        WavSampleFormat.Pcm32 => 4,
        WavSampleFormat.Float32 => 4,
        WavSampleFormat.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown WAV sample format."),
    };

    public static bool IsFloat(this WavSampleFormat format) =>
        format is WavSampleFormat.Float32 or WavSampleFormat.Float64;
}
