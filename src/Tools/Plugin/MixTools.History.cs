using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Balance;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Plugin;

/// <summary>Proposal lifecycle, history, explanations, render and compare.</summary>
public sealed partial class MixTools
{
    [KernelFunction("propose")]
    [Description("Gives the pending proposal a one-line summary and returns it in full (every change with from, to and reason) to show the user before they confirm. Call after the set_* tools; then ask the user, and call commit on yes or discard on no.")]
    public string Propose([Description("One line saying what the proposal does, e.g. \"Vocal up 3 dB, guitars panned wider\".")] string summary) => Write(() =>
    {
        var p = _session.Retitle(summary);
        var result = ToolResult.Proposal(p);
        result["message"] = "Not applied yet. Show these changes to the user; call commit if they agree, discard if not.";
        return result;
    });

    [KernelFunction("commit")]
    [Description("Applies the pending proposal (only after the user agreed). It becomes one change set in the history, which undo can revert. With tracks, only the changes on those tracks are applied (\"apply only the vocal part\") and the rest of the proposal is dropped.")]
    public string Commit(
        [Description("Optional: apply only the changes on these tracks (names as in list_tracks; \"master\" and \"reverb\" for the buses); the rest is dropped.")] string[]? tracks = null) => Write(() =>
    {
        ChangeSet cs;
        if (tracks is { Length: > 0 })
        {
            var only = tracks.Select(_session.ResolveTarget).ToList();
            cs = _session.Commit(include: c => only.Any(t => c.Target.Scope == t.Scope && string.Equals(c.Target.Track, t.Track, StringComparison.OrdinalIgnoreCase)));
        }
        else
        {
            cs = _session.Commit();
        }
        var result = ToolResult.ChangeSet(cs);
        result["message"] = $"Applied as {cs.Id}. Undo reverts it.";
        return result;
    });

    [KernelFunction("discard")]
    [Description("Throws the pending proposal away; the mix stays as it is.")]
    public string Discard() => Write(() =>
    {
        var p = _session.Discard();
        return new JsonObject { ["discarded"] = p.Id, ["summary"] = p.Title, ["message"] = "Nothing was changed." };
    });

    [KernelFunction("undo")]
    [Description("Reverts the most recent change set that is still in effect (or the last few with steps). Redo brings them back.")]
    public string Undo([Description("How many change sets to revert, default 1.")] int steps = 1) => Write(() =>
    {
        var undone = Repeat(steps, _session.Undo, () => _session.History.CanUndo);
        return new JsonObject
        {
            ["undone"] = new JsonArray([.. undone.Select(cs => (JsonNode)cs.Id)]),
            ["summary"] = string.Join("; ", undone.Select(cs => cs.Summary)),
            ["can_redo"] = true,
            ["can_undo"] = _session.History.CanUndo,
        };
    });

    [KernelFunction("redo")]
    [Description("Re-applies the change set most recently undone (or the last few with steps).")]
    public string Redo([Description("How many change sets to re-apply, default 1.")] int steps = 1) => Write(() =>
    {
        var redone = Repeat(steps, _session.Redo, () => _session.History.CanRedo);
        return new JsonObject
        {
            ["redone"] = new JsonArray([.. redone.Select(cs => (JsonNode)cs.Id)]),
            ["summary"] = string.Join("; ", redone.Select(cs => cs.Summary)),
            ["can_redo"] = _session.History.CanRedo,
            ["can_undo"] = true,
        };
    });

    [KernelFunction("explain")]
    [Description("Explains from the history why things are as they are. With track and parameter: who set that value (the user by hand or in their words, or you from a descriptor, reference or measurement), on which turn, the measurement and the reason. With only a track: every parameter of it that was changed. With neither: the last change (about=\"last_change\", the default) or every change set in effect (about=\"history\"). Use for 'why is ... like this?' and 'what did you change?'.")]
    public string Explain(
        [Description(TrackHelp + " Use \"master\" for the master bus, \"reverb\" for the reverb bus; empty for the last change or the history.")] string track = "",
        [Description("Parameter in plain words or by name: gain, pan, width, eq, \"eq band 3\", compressor, threshold, reverb, mute, solo, limiter, loudness target; empty for everything changed on the track.")] string parameter = "",
        [Description("Without a track: \"last_change\" (default) or \"history\".")] string about = "") => Read(() =>
    {
        string a = about.Trim().ToLowerInvariant();
        if (a is not ("" or "last_change" or "history"))
            throw new SessionException($"about must be \"last_change\" or \"history\" (got {DisplayText.Quote(about)}).");
        if (string.IsNullOrWhiteSpace(track))
        {
            if (!string.IsNullOrWhiteSpace(parameter)) throw new SessionException("explain needs a track (or \"master\") for a parameter.");
            return new JsonObject { ["explanation"] = a == "history" ? HistoryText() : LastChangeText() };
        }
        if (string.IsNullOrWhiteSpace(parameter)) return new JsonObject { ["explanation"] = TrackChangesText(_session.ResolveTarget(track)) };
        return new JsonObject { ["explanation"] = _session.Explain(track, parameter) };
    });

    [KernelFunction("render")]
    [Description("Renders the mix to an audio file in the session's renders/ folder (stems and the user's files are never modified) and reports the file, its loudness and true peak.")]
    public string Render(
        [Description("Output file name only, e.g. \"mix.wav\" or \"mix.flac\" (no folder: it goes into the session's renders/ folder; an existing file Mixwright did not write keeps its name and the render gets a fresh one); default: named after the session.")] string output_file = "",
        [Description("Which state to render: \"current\" (default), \"pending\" to audition the proposal before committing, \"previous\", \"initial\" or a change set id.")] string point = "current") => Read(() =>
    {
        var at = _session.ParsePoint(point);
        string path = OutputPath(output_file, at);
        var result = _engine.Render(_session.ToMixDefinition(_session.StateAt(at)), path);
        new AssistantOutputPolicy(_session).Written(result.OutputPath);
        var body = Measurements(result.Analysis);
        body["file"] = result.OutputPath;
        if (!string.IsNullOrWhiteSpace(output_file) && Path.GetFileName(path) != AssistantOutputPolicy.FileName(output_file.Trim()))
            body["note"] = $"{AssistantOutputPolicy.FileName(output_file.Trim())} already exists in {AssistantOutputPolicy.FolderName}/ and Mixwright did not write it, so it was left alone and this render is {Path.GetFileName(path)}.";
        body["point"] = at.Label;
        return body;
    });

    [KernelFunction("compare")]
    [Description("A/B compares two points in the history: which parameters differ, and (unless with_analysis=false) the measurements of each version. Points: \"current\", \"previous\", \"initial\", \"pending\", or a change set id such as \"cs-2\".")]
    public string Compare(
        [Description("First point, default \"previous\".")] string a = "previous",
        [Description("Second point, default \"current\".")] string b = "current",
        [Description("Also render and measure both versions (slower).")] bool with_analysis = true) => Read(() =>
    {
        var pa = _session.ParsePoint(a);
        var pb = _session.ParsePoint(b);
        var sa = _session.StateAt(pa);
        var sb = _session.StateAt(pb);
        var differences = ConsoleDiff.Between(sa, sb, _session.Stems.Select(s => s.Name));
        var diff = new JsonArray();
        foreach (var d in differences)
        {
            var o = new JsonObject
            {
                ["target"] = d.Target.Scope == TargetScope.Track ? DisplayText.Clean(d.Target.Track) : d.Target.ScopeWireName,
                ["parameter"] = d.Parameter.Name,
                ["a"] = ToolResult.Value(d.A),
                ["b"] = ToolResult.Value(d.B),
            };
            if (d.Parameter.Unit.Length > 0) o["unit"] = d.Parameter.Unit;
            diff.Add(o);
        }
        var result = new JsonObject { ["a"] = pa.Label, ["b"] = pb.Label, ["differences"] = diff };
        if (with_analysis)
        {
            var ma = _engine.AnalyzeMix(_session.ToMixDefinition(sa));
            var mb = _engine.AnalyzeMix(_session.ToMixDefinition(sb));
            result["analysis_a"] = Measurements(ma);
            result["analysis_b"] = Measurements(mb);
            result["loudness_difference_lu"] = ToolResult.Number(mb.IntegratedLufs - ma.IntegratedLufs);
        }
        return result;
    });
}
