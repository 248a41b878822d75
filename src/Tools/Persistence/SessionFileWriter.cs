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

            ConsoleJson.WriteReverb(w, s.Console.Reverb);

            w.WriteStartObject("master");
            ConsoleJson.WriteMasterSettings(w, s.Console.Master, numberBands: false);
            w.WriteEndObject();

            w.WriteStartObject("history");
            w.WriteNumber("position", s.History.Position);
            w.WriteStartArray("change_sets");
            foreach (var cs in s.History.ChangeSets) ConsoleJson.WriteChangeSet(w, cs);
            w.WriteEndArray();
            w.WriteEndObject();

            if (s.Pending is { } p) ConsoleJson.WriteProposal(w, p);
            else w.WriteNull("pending_proposal");

            ConsoleJson.WriteReferences(w, s.References);

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
        ConsoleJson.WriteTrackSettings(w, t, numberBands: false);
        w.WriteEndObject();
    }

}
