using System.Buffers;
using System.Text;
using System.Text.Json;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Persistence;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.State;

/// <summary>
/// The session as `mixwright state SESSION --json` prints it: tracks with their strips and net EQ response,
/// the reverb and master buses, the history with rationale, and the pending proposal. Analyses come only
/// from the sidecar cache; nothing here decodes audio.
/// </summary>
public static class SessionStateJson
{
    // Relaxed escaping keeps non-Latin track names readable; control characters are still escaped.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(MixSession session, IMixEngine engine, AnalysisCache? cache = null)
    {
        cache ??= AnalysisCache.ForSession(session.FilePath);
        var analyses = new StemAnalyses(session, cache, engine: null);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            var s = session.Snapshot;
            w.WriteStartObject();
            w.WriteString("session", session.FilePath);
            w.WriteNumber("format", SessionStore.CurrentFormat);
            w.WriteNumber("version", session.Version);
            w.WriteNumber("sample_rate", s.SampleRate);

            w.WriteStartArray("tracks");
            foreach (var stem in s.Stems) WriteTrack(w, session, stem, s.Console.Track(stem.Name), engine, analyses);
            w.WriteEndArray();

            ConsoleJson.WriteReverb(w, s.Console.Reverb);

            WriteMaster(w, s.Console.Master, engine, s.SampleRate);

            w.WriteStartArray("history");
            for (int i = 0; i < s.History.ChangeSets.Length; i++)
                ConsoleJson.WriteChangeSet(w, s.History.ChangeSets[i], applied: i < s.History.Position);
            w.WriteEndArray();
            w.WriteNumber("history_position", s.History.Position);
            w.WriteBoolean("can_undo", s.History.CanUndo);
            w.WriteBoolean("can_redo", s.History.CanRedo);

            if (s.Pending is { } p) ConsoleJson.WriteProposal(w, p);
            else w.WriteNull("pending_proposal");

            ConsoleJson.WriteReferences(w, s.References);

            w.WriteStartObject("conversation");
            w.WriteNumber("turn", s.Conversation.Turn);
            w.WriteString("last_change_set_id", s.Conversation.LastChangeSetId);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteTrack(Utf8JsonWriter w, MixSession session, Stem stem, TrackSettings t, IMixEngine engine, StemAnalyses analyses)
    {
        w.WriteStartObject();
        w.WriteString("name", stem.Name);
        w.WriteString("role", stem.Role.WireName());
        w.WriteString("role_source", stem.RoleSource.WireName());
        w.WriteString("file", stem.File);
        ConsoleJson.WriteTrackSettings(w, t, numberBands: true);
        w.WriteBoolean("audible", !t.Mute && (!session.Console.Tracks.Values.Any(x => x.Solo) || t.Solo));
        WriteResponse(w, engine.EqResponseDb(t.Eq, t.HighPass.Enabled ? t.HighPass : null, OctaveBands.CentresHz, session.SampleRate));
        var (analysis, status) = analyses.Cached(stem);
        w.WriteString("analysis_status", status.WireName());
        if (analysis is null) w.WriteNull("analysis");
        else
        {
            w.WritePropertyName("analysis");
            AnalysisJson.Write(w, analysis, decimals: 2);
        }
        w.WriteEndObject();
    }

    private static void WriteMaster(Utf8JsonWriter w, MasterSettings m, IMixEngine engine, int sampleRate)
    {
        w.WriteStartObject("master");
        ConsoleJson.WriteMasterSettings(w, m, numberBands: true);
        WriteResponse(w, engine.EqResponseDb(m.Eq, null, OctaveBands.CentresHz, sampleRate));
        w.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter w, double[] response)
    {
        if (response.Length != OctaveBands.Labels.Count)
            throw new InvalidOperationException($"The engine returned {response.Length} EQ response values for {OctaveBands.Labels.Count} octave centres.");
        w.WriteStartObject("eq_response_db");
        for (int i = 0; i < response.Length; i++) w.WriteNumber(OctaveBands.Labels[i], Math.Round(response[i], 2));
        w.WriteEndObject();
    }

}
