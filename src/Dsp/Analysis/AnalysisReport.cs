using System.Text;
using System.Text.Json;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Everything <see cref="MixAnalyzer"/> measures about one piece of audio. Levels of silence are
/// -infinity (crest factor NaN); <see cref="ToJson"/> writes any non-finite number as null.
/// </summary>
public sealed record AnalysisReport(
    double IntegratedLufs,
    double LoudnessRangeLu,
    double TruePeakDbtp,
    double SamplePeakDbfs,
    double RmsDbfs,
    double CrestDb,
    double StereoWidth,
    double StereoImbalance,
    double[] BarkMidDb,
    double[] BarkSideDb,
    IReadOnlyDictionary<string, double> OctaveDb,
    double DurationSeconds,
    int SampleRate,
    int Channels)
{
    /// <summary>The report as one JSON object with snake_case keys (the assistant's tool output).</summary>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteFiniteOrNull("integrated_lufs", IntegratedLufs);
            w.WriteFiniteOrNull("loudness_range_lu", LoudnessRangeLu);
            w.WriteFiniteOrNull("true_peak_dbtp", TruePeakDbtp);
            w.WriteFiniteOrNull("sample_peak_dbfs", SamplePeakDbfs);
            w.WriteFiniteOrNull("rms_dbfs", RmsDbfs);
            w.WriteFiniteOrNull("crest_db", CrestDb);
            w.WriteFiniteOrNull("stereo_width", StereoWidth);
            w.WriteFiniteOrNull("stereo_imbalance", StereoImbalance);
            Array(w, "bark_mid_db", BarkMidDb);
            Array(w, "bark_side_db", BarkSideDb);
            w.WriteStartObject("octave_db");
            foreach (var (band, level) in OctaveDb) w.WriteFiniteOrNull(band, level);
            w.WriteEndObject();
            w.WriteFiniteOrNull("duration_s", DurationSeconds);
            w.WriteNumber("sample_rate", SampleRate);
            w.WriteNumber("channels", Channels);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Array(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteFiniteOrNullValue(v);
        w.WriteEndArray();
    }
}
