using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Mixwright.Tools.Bounce;
using Mixwright.Tools.Check;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Plugin;

/// <summary>The mix check ("what's wrong with my mix?", "fix it") and the stem bounce ("export stems for my DAW").</summary>
public sealed partial class MixTools
{
    /// <summary>Findings listed in a check_mix result; the rest are counted.</summary>
    private const int ListedFindings = 8;

    /// <summary>Folder inside the session's folder where the assistant writes what it exports.</summary>
    public const string RendersFolder = "renders";

    [KernelFunction("check_mix")]
    [Description("Measures the whole mix and lists what is wrong with it, most serious first: buried or too loud tracks (by role), masking between tracks, muddy/boomy/harsh/sibilant/dull regions, phase cancellation in mono, clipping, master loudness against a delivery target, vocal or bass dynamics, left/right imbalance. Each finding has the measurement, why it matters and a proposed fix (not applied; use propose_fix). Also lists the tracks from loudest to quietest. Read-only.")]
    public string CheckMix(
        [Description("Delivery loudness target: streaming (-14 LUFS, default), apple (-16), podcast (-16), podcast-quiet (-19), broadcast (EBU R128, -23), or a number of LUFS.")] string target = "streaming",
        [Description("What the user asked about, if one thing: a finding kind (mud, boom, harsh, sibilance, dull, phase, clipping, loudness, dynamics, imbalance, masking, buried, too_loud), or \"loudest\" / \"quietest\" for the loudest or quietest track. The result's answer field then answers it.")] string focus = "") => Read(() =>
    {
        var report = RunCheck(target);
        var result = new JsonObject();
        if (!string.IsNullOrWhiteSpace(focus)) result["answer"] = CheckAnswers.Answer(report, focus.Trim().ToLowerInvariant());
        var full = report.ToJsonObject();
        var findings = full["findings"]!.AsArray();
        result["master"] = full["master"]!.DeepClone();
        result["target"] = full["target"]!.DeepClone();
        result["finding_count"] = findings.Count;
        result["findings"] = new JsonArray([.. findings.Take(ListedFindings).Select(f => f!.DeepClone())]);
        result["tracks_by_loudness"] = full["tracks_by_loudness"]!.DeepClone();
        result["message"] = findings.Count == 0
            ? "Nothing stands out. Tell the user the mix measures clean."
            : "Tell the user the top findings in plain words, with the measurement; offer to fix the first (propose_fix).";
        return result;
    });

    [KernelFunction("propose_fix")]
    [Description("Proposes the console changes for one finding of the mix check (rank 1 = the most serious, as check_mix ranks them) and says which findings remain. Nothing changes until commit.")]
    public string ProposeFix(
        [Description("The finding's rank in check_mix (1 = most serious).")] int rank = 1,
        [Description("Delivery loudness target, as for check_mix.")] string target = "streaming",
        [Description(UserWordsHelp)] string user_words = "") => Change(() =>
    {
        var report = RunCheck(target);
        if (report.Findings.Count == 0) throw new SessionException("The mix check finds nothing to fix: levels, spectrum, stereo image and loudness are all within range.");
        if (rank < 1 || rank > report.Findings.Count)
            throw new SessionException($"rank must be 1 to {report.Findings.Count}: the check has {report.Findings.Count} findings.");
        var fixable = report.Findings.Skip(rank - 1).FirstOrDefault(f => f.Proposal.Count > 0);
        if (fixable is null)
            throw new SessionException($"No console change can fix finding {rank} ({report.Findings[rank - 1].Title}): {report.Findings[rank - 1].Explanation}");
        var notes = new List<string>();
        var chosen = report.Findings[rank - 1];
        if (chosen != fixable) notes.Add($"Finding {rank} ({chosen.Title}) has no console fix: {chosen.Explanation}");
        var others = report.Findings.Where(f => f != fixable).ToList();
        if (others.Count > 0)
            notes.Add("Still to look at after this: " + string.Join("; ", others.Take(5).Select(f => $"{f.Title} ({f.Severity.WireName()})")) + (others.Count > 5 ? $"; and {others.Count - 5} more" : "") + ".");
        string quote = Or(user_words, "");
        var requests = fixable.Proposal.Select(r => quote.Length == 0 ? r : r with { Rationale = r.Rationale with { Quote = quote } }).ToList();
        return new ProposalPlan(requests, $"Fix: {fixable.Title}", notes);
    });

    [KernelFunction("bounce_stems")]
    [Description("Exports every track through its chain (post-fader, panned, stereo WAV at the session rate), the reverb return and a settings sheet (every parameter of every track and bus) into a new folder under the session's renders/ folder, so the mix can be rebuilt in any DAW. Writes new files only; never replaces anything.")]
    public string BounceStems() => Write(() =>
    {
        string renders = Path.Combine(_session.Directory, RendersFolder);
        string folder = Path.Combine(renders, "stems");
        for (int n = 2; Directory.Exists(folder); n++) folder = Path.Combine(renders, $"stems-{n}");
        var result = StemBouncer.Bounce(_session, folder, CacheDirectory());
        return new JsonObject
        {
            ["folder"] = _session.RelativePath(result.Folder),
            ["files"] = new JsonArray([.. result.TrackFiles.Append(result.ReverbReturnFile).Where(f => f is not null).Select(f => (JsonNode)Path.GetFileName(f!))]),
            ["sheet"] = new JsonArray(Path.GetFileName(result.SheetText), Path.GetFileName(result.SheetJson)),
            ["not_bounced"] = new JsonArray([.. result.SkippedTracks.Select(s => (JsonNode)DisplayText.Clean(s))]),
            ["message"] = "Tell the user where the files are: place them at unity, centred; their sum is the mix with the master bypassed, the sheet has the master's settings.",
        };
    });

    private MixCheckReport RunCheck(string target) => MixCheck.Run(_session, CacheDirectory(), DeliveryTarget.Parse(target));

    private string CacheDirectory() => _engine is DspMixEngine dsp
        ? dsp.CacheDirectory
        : throw new SessionException("The mix check and the stem bounce need the audio engine, which this session was opened without.");
}
