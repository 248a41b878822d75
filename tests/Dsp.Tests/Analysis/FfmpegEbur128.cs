using System.Globalization;
using System.Text.RegularExpressions;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

/// <summary>The Summary block of ffmpeg's ebur128 filter (printed to one decimal).</summary>
internal sealed record FfmpegEbur128(double IntegratedLufs, double LoudnessRangeLu, double TruePeakDbtp)
{
    /// <summary>Writes <paramref name="audio"/> to a temporary float WAV and measures it with ffmpeg.</summary>
    public static FfmpegEbur128 Measure(AudioBuffer audio)
    {
        string path = Path.Combine(Path.GetTempPath(), $"mixwright-ebur128-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.Write(path, audio, WavSampleFormat.Float32);
            return Parse(ExternalTool.Run("ffmpeg", "-hide_banner", "-nostats", "-i", path, "-af", "ebur128=peak=true", "-f", "null", "-"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static FfmpegEbur128 Parse(string log)
    {
        int summary = log.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (summary < 0) throw new FormatException("ffmpeg printed no ebur128 Summary:\n" + log);
        string text = log[summary..];
        return new FfmpegEbur128(
            Value(text, @"I:\s+(-?[\d.]+|-inf)\s+LUFS"),
            Value(text, @"LRA:\s+(-?[\d.]+)\s+LU"),
            Value(text, @"True peak:\s+Peak:\s+(-?[\d.]+|-inf)\s+dBFS"));
    }

    private static double Value(string text, string pattern)
    {
        var m = Regex.Match(text, pattern);
        if (!m.Success) throw new FormatException($"'{pattern}' not found in ffmpeg summary:\n{text}");
        string v = m.Groups[1].Value;
        return v == "-inf" ? double.NegativeInfinity : double.Parse(v, CultureInfo.InvariantCulture);
    }
}
