using System.Text.Json;
using static Mixwright.Dsp.Analysis.JsonNumbers;
using Mixwright.Tools.Engine;
using static Mixwright.Tools.Persistence.JsonFields;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// An <see cref="AnalysisSummary"/> as JSON: full precision for the sidecar cache, rounded to what is audible
/// for people (`state --json`). Silence (−∞) is written as null.
/// </summary>
internal static class AnalysisJson
{
    public static void Write(Utf8JsonWriter w, AnalysisSummary a, int? decimals = null)
    {
        void WriteNumber(Utf8JsonWriter w, string name, double value) =>
            w.WriteFiniteOrNull(name, decimals is int d && double.IsFinite(value) ? Math.Round(value, d) : value);
        w.WriteStartObject();
        WriteNumber(w, "integrated_lufs", a.IntegratedLufs);
        WriteNumber(w, "loudness_range_lu", a.LoudnessRangeLu);
        WriteNumber(w, "true_peak_dbtp", a.TruePeakDbtp);
        WriteNumber(w, "sample_peak_dbfs", a.SamplePeakDbfs);
        WriteNumber(w, "rms_dbfs", a.RmsDbfs);
        WriteNumber(w, "crest_db", a.CrestDb);
        WriteNumber(w, "stereo_width", a.StereoWidth);
        WriteNumber(w, "stereo_imbalance", a.StereoImbalance);
        WriteNumber(w, "duration_s", a.DurationSeconds);
        w.WriteNumber("sample_rate", a.SampleRate);
        w.WriteNumber("channels", a.ChannelCount);
        if (a.OnsetRatePerSecond is double onsets) WriteNumber(w, "onsets_per_s", onsets);
        w.WriteStartObject("octave_db");
        foreach (string label in OctaveBands.Labels)
            if (a.OctaveDb.TryGetValue(label, out double db)) WriteNumber(w, label, db);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static AnalysisSummary Read(JsonElement o)
    {
        const string where = "analysis: ";
        var octaves = new Dictionary<string, double>();
        if (Object(o, "octave_db", where) is { } bands)
            foreach (var band in bands.EnumerateObject())
                octaves[band.Name] = band.Value.ValueKind == JsonValueKind.Number ? band.Value.GetDouble() : double.NegativeInfinity;
        return new AnalysisSummary
        {
            IntegratedLufs = Level(o, "integrated_lufs"),
            LoudnessRangeLu = Number(o, "loudness_range_lu", where) ?? 0,
            TruePeakDbtp = Level(o, "true_peak_dbtp"),
            SamplePeakDbfs = Level(o, "sample_peak_dbfs"),
            RmsDbfs = Level(o, "rms_dbfs"),
            CrestDb = Number(o, "crest_db", where) ?? 0,
            StereoWidth = Number(o, "stereo_width", where) ?? 0,
            StereoImbalance = Number(o, "stereo_imbalance", where) ?? 0,
            OctaveDb = octaves,
            DurationSeconds = Number(o, "duration_s", where) ?? 0,
            SampleRate = Integer(o, "sample_rate", where) ?? SessionFileReader.DefaultSampleRate,
            ChannelCount = Integer(o, "channels", where) ?? 0,
            OnsetRatePerSecond = Number(o, "onsets_per_s", where),
        };
    }

    private static double Level(JsonElement o, string name) => Number(o, name, "analysis: ") ?? double.NegativeInfinity;
}
