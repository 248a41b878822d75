using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;

namespace Mixwright.Assistant.Tui;

/// <summary>A mix tool's JSON result as a line or two for the chat pane.</summary>
internal static class ToolReplyText
{
    /// <summary>The chat text for one result, and whether the tool succeeded.</summary>
    public static (string Text, bool Ok) Describe(string function, string json)
    {
        var result = JsonNode.Parse(json)?.AsObject() ?? new JsonObject();
        if (result["ok"]?.GetValue<bool>() != true) return (Str(result, "error") ?? "The tool failed without saying why.", false);
        string text = function switch
        {
            _ when ToolNames.Changing.Contains(function) || function == ToolNames.Propose => Proposal(result),
            ToolNames.Commit => $"Applied {Str(result, "id")}: {Str(result, "summary")}. Undo reverts it.",
            ToolNames.Discard => $"Dropped {Str(result, "discarded")} ({Str(result, "summary")}). Nothing was changed.",
            ToolNames.Undo => $"Undid {Str(result, "undone")}: {Str(result, "summary")}.",
            ToolNames.Redo => $"Redid {Str(result, "redone")}: {Str(result, "summary")}.",
            ToolNames.Explain => Str(result, "explanation") ?? "",
            ToolNames.AnalyzeTrack => $"{Str(result, "track")} ({Str(result, "role")}): {Measurements(result)}; {Num(result, "at_fader_lufs")} LUFS at the fader.",
            ToolNames.AnalyzeMix => $"Mix ({Str(result, "point")}): {Measurements(result)}.",
            ToolNames.Render => $"Rendered {Str(result, "file")}: {Measurements(result)}.",
            ToolNames.ListTracks => Tracks(result),
            ToolNames.Compare => Compare(result),
            _ => json,
        };
        return (text, true);
    }

    private static string Proposal(JsonObject result)
    {
        var text = new StringBuilder($"Proposed {Str(result, "id")} (not applied yet): {Str(result, "summary")}.");
        if (result["notes"] is JsonArray notes)
            foreach (var note in notes) text.Append(' ').Append(note?.GetValue<string>());
        text.Append(" Say yes or press a in the proposal pane to apply; no or d to drop it.");
        return text.ToString();
    }

    private static string Measurements(JsonObject r) =>
        $"{Num(r, "integrated_lufs")} LUFS, true peak {Num(r, "true_peak_dbtp")} dBTP, loudness range {Num(r, "loudness_range_lu")} LU, " +
        $"crest {Num(r, "crest_db")} dB, width {Num(r, "stereo_width")}";

    private static string Tracks(JsonObject result)
    {
        var tracks = result["tracks"]?.AsArray() ?? [];
        var parts = tracks.OfType<JsonObject>().Select(t => $"{Str(t, "name")} ({Str(t, "role")}, {Num(t, "gain_db")} dB)");
        return $"{tracks.Count} tracks: {string.Join(", ", parts)}.";
    }

    private static string Compare(JsonObject result)
    {
        var differences = result["differences"]?.AsArray() ?? [];
        var text = new StringBuilder($"{Str(result, "a")} → {Str(result, "b")}: ");
        text.Append(differences.Count == 0 ? "no settings differ" : string.Join("; ", differences.OfType<JsonObject>()
            .Select(d => $"{Str(d, "target")} {Str(d, "parameter")} {d["a"]?.ToJsonString() ?? "off"} → {d["b"]?.ToJsonString() ?? "off"}")));
        if (result["loudness_difference_lu"] is JsonNode lu) text.Append(CultureInfo.InvariantCulture, $"; loudness {lu.ToJsonString()} LU");
        return text.Append('.').ToString();
    }

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue(out string? s) ? s : o[key]?.ToJsonString();

    private static string Num(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue(out double d) ? d.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
}
