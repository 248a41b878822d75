using System.Text.Json;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// The JSON of console settings, changes and references, shared by the session file and `state --json` so
/// the two can never describe the same setting in two ways. Each adds its own extras around these.
/// </summary>
internal static class ConsoleJson
{
    /// <summary>A track's strip; <paramref name="numberBands"/> adds each EQ band's 1-based number for readers.</summary>
    public static void WriteTrackSettings(Utf8JsonWriter w, TrackSettings t, bool numberBands)
    {
        w.WriteNumber("gain_db", t.GainDb);
        w.WriteNumber("pan", t.Pan);
        w.WriteNumber("width", t.Width);
        w.WriteNumber("reverb_send_db", t.ReverbSendDb);
        w.WriteBoolean("mute", t.Mute);
        w.WriteBoolean("solo", t.Solo);
        w.WriteBoolean("invert_polarity", t.InvertPolarity);
        // Written only when on, so sessions that never use it read and write as before.
        if (t.InvertRightPolarity) w.WriteBoolean("invert_right_polarity", true);
        w.WriteStartObject("high_pass");
        w.WriteBoolean("enabled", t.HighPass.Enabled);
        w.WriteNumber("freq_hz", t.HighPass.FrequencyHz);
        w.WriteEndObject();
        WriteEq(w, t.Eq, numberBands);
        WriteCompressor(w, t.Compressor);
    }

    /// <summary>The master's settings, written into the caller's open "master" object.</summary>
    public static void WriteMasterSettings(Utf8JsonWriter w, MasterSettings m, bool numberBands)
    {
        WriteEq(w, m.Eq, numberBands);
        WriteCompressor(w, m.Compressor);
        w.WriteNumber("output_gain_db", m.OutputGainDb);
        w.WriteStartObject("limiter");
        w.WriteBoolean("enabled", m.Limiter.Enabled);
        w.WriteNumber("ceiling_dbtp", m.Limiter.CeilingDbtp);
        w.WriteNumber("release_ms", m.Limiter.ReleaseMs);
        w.WriteEndObject();
        if (m.LoudnessTargetLufs is double target) w.WriteNumber("loudness_target_lufs", target);
        else w.WriteNull("loudness_target_lufs");
    }

    public static void WriteReverb(Utf8JsonWriter w, ReverbSettings r)
    {
        w.WriteStartObject("reverb");
        w.WriteNumber("return_db", r.ReturnDb);
        w.WriteNumber("decay_s", r.DecayS);
        w.WriteNumber("pre_delay_ms", r.PreDelayMs);
        w.WriteNumber("damping", r.Damping);
        w.WriteEndObject();
    }

    /// <summary>
    /// A committed change set: id, time, turn, summary, then <paramref name="applied"/> when the reader needs
    /// it (state: whether undo has reverted it) and the changes.
    /// </summary>
    public static void WriteChangeSet(Utf8JsonWriter w, ChangeSet cs, bool? applied = null)
    {
        w.WriteStartObject();
        w.WriteString("id", cs.Id);
        w.WriteString("time", cs.Time);
        w.WriteNumber("turn", cs.Turn);
        w.WriteString("summary", cs.Summary);
        if (applied is bool a) w.WriteBoolean("applied", a);
        WriteChanges(w, cs.Changes);
        w.WriteEndObject();
    }

    /// <summary>
    /// The pending proposal, as "pending_proposal". "summary" is always what to show (the given summary, or
    /// one made from the changes); "summary_given" says which, so a reloaded session keeps re-deriving a
    /// summary nobody gave when the proposal grows. (Files written before this field stored only a given
    /// summary, so a summary without it was given.)
    /// </summary>
    public static void WriteProposal(Utf8JsonWriter w, Proposal p)
    {
        w.WriteStartObject("pending_proposal");
        w.WriteString("id", p.Id);
        w.WriteString("summary", p.Title);
        w.WriteBoolean("summary_given", p.Summary is not null);
        w.WriteString("created", p.Created);
        w.WriteNumber("turn", p.Turn);
        WriteChanges(w, p.Changes);
        w.WriteEndObject();
    }

    public static void WriteChanges(Utf8JsonWriter w, IEnumerable<ParameterChange> changes)
    {
        w.WriteStartArray("changes");
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("target", c.Target.ScopeWireName);
            if (c.Target.Track is not null) w.WriteString("track", c.Target.Track);
            w.WriteString("parameter", c.Parameter);
            ParameterValueJson.Write(w, "from", c.From);
            ParameterValueJson.Write(w, "to", c.To);
            w.WriteString("unit", c.Unit);
            w.WriteNumber("turn", c.Turn);
            w.WriteStartObject("rationale");
            w.WriteString("source", Rationale.WireName(c.Rationale.Source));
            if (c.Rationale.Quote is not null) w.WriteString("quote", c.Rationale.Quote);
            if (c.Rationale.Measurement is not null) w.WriteString("measurement", c.Rationale.Measurement);
            w.WriteString("sentence", c.Rationale.Sentence);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteReferences(Utf8JsonWriter w, IEnumerable<ReferenceClip> references)
    {
        w.WriteStartArray("references");
        foreach (var r in references)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteString("file", r.File);
            w.WriteNumber("added_turn", r.AddedTurn);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteEq(Utf8JsonWriter w, ParametricEqSettings eq, bool numberBands)
    {
        w.WriteStartObject("eq");
        w.WriteStartArray("bands");
        for (int i = 0; i < eq.Bands.Length; i++)
        {
            var b = eq.Bands[i];
            w.WriteStartObject();
            if (numberBands) w.WriteNumber("band", i + 1);
            w.WriteString("type", EqBandTypes.WireName(b.Type));
            w.WriteNumber("freq_hz", b.FrequencyHz);
            w.WriteNumber("gain_db", b.GainDb);
            w.WriteNumber("q", b.Q);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCompressor(Utf8JsonWriter w, CompressorSettings c)
    {
        w.WriteStartObject("compressor");
        w.WriteBoolean("enabled", c.Enabled);
        w.WriteNumber("threshold_db", c.ThresholdDb);
        w.WriteNumber("ratio", c.Ratio);
        w.WriteNumber("attack_ms", c.AttackMs);
        w.WriteNumber("release_ms", c.ReleaseMs);
        w.WriteNumber("knee_db", c.KneeDb);
        w.WriteNumber("makeup_db", c.MakeupDb);
        w.WriteString("detector", c.Detector == DetectorMode.Rms ? "rms" : "peak");
        w.WriteEndObject();
    }
}
