using System.Globalization;
using System.Text.Json.Nodes;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// Plain words for tool results, for the local back-end's replies: what was proposed, applied, undone,
/// measured or explained, and any refusal verbatim. (An LLM writes its own; the proposal table is shown by
/// the agent either way.)
/// </summary>
public static class ResultNarrator
{
    public static string Narrate(IReadOnlyList<(string Tool, string Result)> results)
    {
        var lines = new List<string>();
        foreach (var (tool, json) in results)
        {
            JsonObject? o = null;
            try { o = JsonNode.Parse(json) as JsonObject; } catch (System.Text.Json.JsonException) { }
            if (o is null) { lines.Add(json); continue; }
            if (o["ok"]?.GetValue<bool>() != true)
            {
                lines.Add("I couldn't do that: " + (o["error"]?.GetValue<string>() ?? json));
                continue;
            }
            switch (tool)
            {
                case ToolNames.Commit: lines.Add($"Applied as {o["id"]}: {o["summary"]}."); break;
                case ToolNames.Discard: lines.Add("OK, I dropped that proposal; nothing changed."); break;
                case ToolNames.Undo: lines.Add($"Undone: {o["summary"]}."); break;
                case ToolNames.Redo: lines.Add($"Redone: {o["summary"]}."); break;
                case ToolNames.Explain: lines.Add(o["explanation"]?.GetValue<string>() ?? ""); break;
                case ToolNames.ListTracks:
                    lines.Add("Tracks: " + string.Join(", ", (o["tracks"]?.AsArray() ?? []).Select(t => $"{t?["name"]} ({t?["role"]})")) + ".");
                    break;
                case ToolNames.AnalyzeTrack or ToolNames.AnalyzeMix:
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{(o["track"] is { } t ? t.GetValue<string>() : "The mix")}: {o["integrated_lufs"]} LUFS integrated, true peak {o["true_peak_dbtp"]} dBTP, loudness range {o["loudness_range_lu"]} LU, crest factor {o["crest_db"]} dB, stereo width {o["stereo_width"]}."));
                    break;
                case ToolNames.Render: lines.Add($"Rendered {o["file"]}: {o["integrated_lufs"]} LUFS, true peak {o["true_peak_dbtp"]} dBTP."); break;
                case ToolNames.Compare:
                    lines.Add($"{o["a"]} vs {o["b"]}: {(o["differences"]?.AsArray().Count ?? 0)} settings differ" +
                              (o["loudness_difference_lu"] is { } lu ? $", {lu} LU louder" : "") + ".");
                    break;
                case ToolNames.CheckMix: lines.Add(MixCheckNarration.Narrate(o)); break;
                case ToolNames.BounceStems: lines.Add($"Exported {(o["files"]?.AsArray().Count ?? 0)} files and the settings sheet into {o["folder"]}: place them at unity, centred, in any DAW."); break;
                default:
                    if (tool == ToolNames.ProposeFix && o["notes"] is JsonArray notes) lines.AddRange(notes.Select(n => n?.GetValue<string>() ?? ""));
                    if (o["changes"] is JsonArray && o["summary"] is { } summary)
                    {
                        string line = $"Proposed: {summary}.";
                        if (!lines.Contains(line)) lines.Add(line);
                    }
                    break;
            }
        }
        // Several proposing calls build one proposal: say it once, from the last (fullest) summary.
        var proposed = lines.Where(l => l.StartsWith("Proposed: ", StringComparison.Ordinal)).ToList();
        if (proposed.Count > 1) lines = [.. lines.Where(l => !l.StartsWith("Proposed: ", StringComparison.Ordinal)), proposed[^1]];
        // A refinement drops the old proposal and makes a new one: that is a revision, not a "nothing changed".
        if (proposed.Count > 0 && results.Any(r => r.Tool == ToolNames.Discard))
            lines = [.. lines.Where(l => !l.StartsWith("OK, I dropped", StringComparison.Ordinal)).Select(l => l.StartsWith("Proposed: ", StringComparison.Ordinal) ? "Revised proposal: " + l["Proposed: ".Length..] : l)];
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }
}
