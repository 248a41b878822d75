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
            Number(w, "integrated_lufs", IntegratedLufs);
            Number(w, "loudness_range_lu", LoudnessRangeLu);
            Number(w, "true_peak_dbtp", TruePeakDbtp);
            Number(w, "sample_peak_dbfs", SamplePeakDbfs);
            Number(w, "rms_dbfs", RmsDbfs);
            Number(w, "crest_db", CrestDb);
            Number(w, "stereo_width", StereoWidth);
            Number(w, "stereo_imbalance", StereoImbalance);
            Array(w, "bark_mid_db", BarkMidDb);
            Array(w, "bark_side_db", BarkSideDb);
            w.WriteStartObject("octave_db");
            foreach (var (band, level) in OctaveDb) Number(w, band, level);
            w.WriteEndObject();
            Number(w, "duration_s", DurationSeconds);
            w.WriteNumber("sample_rate", SampleRate);
            w.WriteNumber("channels", Channels);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static void Array(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsFinite(v)) w.WriteNumberValue(v);
            else w.WriteNullValue();
        }
        w.WriteEndArray();
    }
}
