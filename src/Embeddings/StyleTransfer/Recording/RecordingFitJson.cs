using System.Text.Json;
using Mixwright.Dsp.Analysis;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>The "recording" object of a match report: whether the reference is a mix of the stems and, if so, the fit per track and per band.</summary>
internal static class RecordingFitJson
{
    public static void Write(Utf8JsonWriter w, MatchResult result)
    {
        if (result.Alignment is not { } a) return;
        w.WriteStartObject("recording");
        w.WriteBoolean("same_recording", a.SameRecording);
        Number(w, "confidence", a.Confidence);
        Number(w, "lag_s", a.LagSeconds);
        w.WriteString("message", a.Message);
        if (result.Recording is { } fit)
        {
            w.WriteStartObject("fit");
            Number(w, "residual_db", fit.ResidualDb);
            Number(w, "residual_levels_only_db", fit.ResidualBeforeEqDb);
            Number(w, "overlap_s", fit.OverlapSeconds);
            w.WriteBoolean("mono_reference", fit.MonoReference);
            w.WriteStartArray("bands");
            for (int b = 0; b < fit.BandResidualDb.Count; b++)
            {
                w.WriteStartObject();
                Number(w, "low_hz", RecordingFit.BandLowHz(b));
                Number(w, "high_hz", RecordingFit.BandHighHz(b));
                Number(w, "residual_db", fit.BandResidualDb[b]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("tracks");
            foreach (var t in fit.Tracks)
            {
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                w.WriteString("presence", t.Presence.ToString().ToLowerInvariant());
                Number(w, "gain_db", t.Settings.GainDb);
                Number(w, "pan", t.Settings.Pan);
                Number(w, "share_db", t.ShareDb);
                w.WriteStartArray("eq_band_gains_db");
                foreach (double g in t.EqBandGainsDb) w.WriteFiniteOrNullValue(Math.Round(g, 2));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double v) => w.WriteFiniteOrNull(name, Math.Round(v, 4));
}
