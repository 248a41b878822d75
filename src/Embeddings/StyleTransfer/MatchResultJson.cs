using System.Text;
using System.Text.Json;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// A match as one JSON document (the CLI's --params file): the method, the sections analysed, every track's strip,
/// the master and the reverb with the console's parameter names, the drivers, and the matched section's errors.
/// Non-finite numbers are written as null.
/// </summary>
public static class MatchResultJson
{
    public static string Write(MatchResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("method", MatchMethods.WireName(result.Method));
            Number(w, "elapsed_s", result.ElapsedSeconds);
            Number(w, "section_s", result.SectionSeconds);
            Number(w, "reference_section_start_s", result.ReferenceSectionStartSeconds);
            w.WriteStartArray("tracks");
            foreach (var t in result.Tracks)
            {
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                w.WriteBoolean("silent", t.Silent);
                Number(w, "section_start_s", t.SectionStartSeconds);
                Track(w, t.Settings);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("master");
            Eq(w, result.Master.Eq);
            Compressor(w, result.Master.Compressor);
            Number(w, "output_gain_db", result.Master.OutputGainDb);
            w.WriteEndObject();
            w.WriteStartObject("reverb");
            Number(w, "return_db", result.Reverb.ReturnDb);
            Number(w, "decay_s", result.Reverb.DecayS);
            Number(w, "pre_delay_ms", result.Reverb.PreDelayMs);
            Number(w, "damping", result.Reverb.Damping);
            w.WriteEndObject();
            w.WriteStartArray("drivers");
            foreach (var d in result.Drivers)
            {
                w.WriteStartObject();
                w.WriteString("target", d.Target);
                w.WriteString("parameter", d.Parameter);
                Number(w, "value", d.Value);
                w.WriteString("feature", Feature(d.Feature));
                Number(w, "reference_value", d.ReferenceValue);
                Number(w, "mix_value", d.MixValue);
                if (d.LowHz is double lo) Number(w, "low_hz", lo);
                if (d.HighHz is double hi) Number(w, "high_hz", hi);
                Number(w, "contribution", d.Contribution);
                w.WriteString("measurement", d.Measurement);
                w.WriteString("sentence", d.Sentence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Features(w, "reference_features", result.Reference);
            if (result.Matched is { } m) Features(w, "matched_features", m);
            if (result.Errors is { } e)
            {
                w.WriteStartObject("errors");
                Number(w, "rms_db", e.RmsDb);
                Number(w, "crest_db", e.CrestDb);
                Number(w, "width", e.Width);
                Number(w, "imbalance", e.Imbalance);
                Number(w, "bark_mid_db", e.BarkMidDb);
                Number(w, "bark_side_db", e.BarkSideDb);
                Number(w, "loss", e.Loss);
                w.WriteEndObject();
            }
            Recording.RecordingFitJson.Write(w, result);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Feature(DriverFeature f) => f switch
    {
        DriverFeature.Rms => "rms",
        DriverFeature.Crest => "crest",
        DriverFeature.Width => "width",
        DriverFeature.Imbalance => "imbalance",
        DriverFeature.BarkMid => "bark_mid",
        DriverFeature.BarkSide => "bark_side",
        DriverFeature.StemFit => "stem_fit",
        _ => "equal_loudness",
    };

    private static void Track(Utf8JsonWriter w, TrackSettings s)
    {
        Number(w, "gain_db", s.GainDb);
        Number(w, "pan", s.Pan);
        Number(w, "width", s.Width);
        Number(w, "reverb_send_db", s.ReverbSendDb);
        w.WriteBoolean("mute", s.Mute);
        Eq(w, s.Eq);
        Compressor(w, s.Compressor);
    }

    private static void Eq(Utf8JsonWriter w, ParametricEqSettings eq)
    {
        w.WriteStartArray("eq");
        foreach (var b in eq.Bands)
        {
            w.WriteStartObject();
            w.WriteString("type", b.Type.ToString());
            Number(w, "freq_hz", b.FrequencyHz);
            Number(w, "gain_db", b.GainDb);
            Number(w, "q", b.Q);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Compressor(Utf8JsonWriter w, CompressorSettings c)
    {
        w.WriteStartObject("compressor");
        w.WriteBoolean("enabled", c.Enabled);
        Number(w, "threshold_db", c.ThresholdDb);
        Number(w, "ratio", c.Ratio);
        Number(w, "attack_ms", c.AttackMs);
        Number(w, "release_ms", c.ReleaseMs);
        Number(w, "knee_db", c.KneeDb);
        Number(w, "makeup_db", c.MakeupDb);
        w.WriteString("detector", c.Detector.ToString().ToLowerInvariant());
        w.WriteEndObject();
    }

    private static void Features(Utf8JsonWriter w, string name, MixFeatures f)
    {
        w.WriteStartObject(name);
        Number(w, "rms_db", f.RmsDb);
        Number(w, "crest_db", f.CrestDb);
        Number(w, "width", f.Width);
        Number(w, "imbalance", f.Imbalance);
        w.WriteStartArray("bark_mid_db");
        foreach (double v in f.BarkMidDb) Value(w, v);
        w.WriteEndArray();
        w.WriteStartArray("bark_side_db");
        foreach (double v in f.BarkSideDb) Value(w, v);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Four decimals: a match report is read by people and LLMs, not fed back into the engine.
    private static void Number(Utf8JsonWriter w, string name, double v) => w.WriteFiniteOrNull(name, Math.Round(v, 4));

    private static void Value(Utf8JsonWriter w, double v) => w.WriteFiniteOrNullValue(Math.Round(v, 4));
}
