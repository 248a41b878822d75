using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Writes the session file, format 1: snake_case keys, indented so a person can read and diff it, stem
/// paths relative to the file. <see cref="SessionFileReader"/> is its mirror.
/// </summary>
internal static class SessionFileWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Keeps non-Latin track names readable in the file; control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(SessionSnapshot s, long version)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("format", SessionStore.CurrentFormat);
            w.WriteNumber("version", version);
            w.WriteString("created", s.Created);
            w.WriteNumber("sample_rate", s.SampleRate);

            w.WriteStartArray("tracks");
            foreach (var stem in s.Stems) WriteTrack(w, stem, s.Console.Track(stem.Name));
            w.WriteEndArray();

            w.WriteStartObject("reverb");
            w.WriteNumber("return_db", s.Console.Reverb.ReturnDb);
            w.WriteNumber("decay_s", s.Console.Reverb.DecayS);
            w.WriteNumber("pre_delay_ms", s.Console.Reverb.PreDelayMs);
            w.WriteNumber("damping", s.Console.Reverb.Damping);
            w.WriteEndObject();

            var m = s.Console.Master;
            w.WriteStartObject("master");
            WriteEq(w, m.Eq);
            WriteCompressor(w, m.Compressor);
            w.WriteNumber("output_gain_db", m.OutputGainDb);
            w.WriteStartObject("limiter");
            w.WriteBoolean("enabled", m.Limiter.Enabled);
            w.WriteNumber("ceiling_dbtp", m.Limiter.CeilingDbtp);
            w.WriteNumber("release_ms", m.Limiter.ReleaseMs);
            w.WriteEndObject();
            if (m.LoudnessTargetLufs is double target) w.WriteNumber("loudness_target_lufs", target);
            else w.WriteNull("loudness_target_lufs");
            w.WriteEndObject();

            w.WriteStartObject("history");
            w.WriteNumber("position", s.History.Position);
            w.WriteStartArray("change_sets");
            foreach (var cs in s.History.ChangeSets)
            {
                w.WriteStartObject();
                w.WriteString("id", cs.Id);
                w.WriteString("time", cs.Time);
                w.WriteNumber("turn", cs.Turn);
                w.WriteString("summary", cs.Summary);
                WriteChanges(w, cs.Changes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();

            if (s.Pending is { } p)
            {
                w.WriteStartObject("pending_proposal");
                w.WriteString("id", p.Id);
                if (p.Summary is not null) w.WriteString("summary", p.Summary);
                w.WriteString("created", p.Created);
                w.WriteNumber("turn", p.Turn);
                WriteChanges(w, p.Changes);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("pending_proposal");
            }

            w.WriteStartArray("references");
            foreach (var r in s.References)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteString("file", r.File);
                w.WriteNumber("added_turn", r.AddedTurn);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartObject("conversation");
            w.WriteNumber("turn", s.Conversation.Turn);
            if (s.Conversation.LastChangeSetId is { } last) w.WriteString("last_change_set_id", last);
            else w.WriteNull("last_change_set_id");
            if (s.Conversation.AgentState is { } agent)
            {
                w.WritePropertyName("agent");
                w.WriteRawValue(agent, skipInputValidation: false);
            }
            w.WriteEndObject();

            w.WriteNumber("next_change_set_number", s.NextChangeSetNumber);
            w.WriteNumber("next_proposal_number", s.NextProposalNumber);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteTrack(Utf8JsonWriter w, Stem stem, TrackSettings t)
    {
        w.WriteStartObject();
        w.WriteString("name", stem.Name);
        w.WriteString("file", stem.File);
        w.WriteString("role", stem.Role.WireName());
        w.WriteString("role_source", stem.RoleSource.WireName());
        w.WriteString("role_evidence", stem.RoleEvidence);
        if (stem.Fingerprint is { } fp)
        {
            w.WriteString("sha256", fp.Sha256);
            w.WriteNumber("size_bytes", fp.SizeBytes);
            w.WriteString("modified_utc", fp.ModifiedUtc);
        }
        w.WriteNumber("gain_db", t.GainDb);
        w.WriteNumber("pan", t.Pan);
        w.WriteNumber("width", t.Width);
        w.WriteNumber("reverb_send_db", t.ReverbSendDb);
        w.WriteBoolean("mute", t.Mute);
        w.WriteBoolean("solo", t.Solo);
        w.WriteBoolean("invert_polarity", t.InvertPolarity);
        w.WriteStartObject("high_pass");
        w.WriteBoolean("enabled", t.HighPass.Enabled);
        w.WriteNumber("freq_hz", t.HighPass.FrequencyHz);
        w.WriteEndObject();
        WriteEq(w, t.Eq);
        WriteCompressor(w, t.Compressor);
        w.WriteEndObject();
    }

    private static void WriteEq(Utf8JsonWriter w, ParametricEqSettings eq)
    {
        w.WriteStartObject("eq");
        w.WriteStartArray("bands");
        foreach (var b in eq.Bands)
        {
            w.WriteStartObject();
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

    private static void WriteChanges(Utf8JsonWriter w, IEnumerable<ParameterChange> changes)
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
}
