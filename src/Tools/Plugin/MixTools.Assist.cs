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

/// <summary>Assisting tools: proposals computed from measurement, word knowledge or a reference.</summary>
public sealed partial class MixTools
{
    [KernelFunction("balance_levels")]
    [Description("Proposes a first static mix: measures every stem's loudness and sets each track's gain so its role sits at a sensible level relative to the lead vocal (kick and bass a few LU below it, guitars and keys lower, backing vocals and pads further down). Good as a first step on a fresh session. Nothing changes until commit.")]
    public string BalanceLevels(
        [Description("Optional track to keep as the anchor (its level stays, everything is placed around it); default: the lead vocal, or the most central part when there is no vocal.")] string anchor = "") => Change(() =>
    {
        var plan = LevelBalancer.Plan(_session, _analyses.Analyze, string.IsNullOrWhiteSpace(anchor) ? null : anchor);
        if (plan.Changes.Count == 0) throw new SessionException("Every track already sits at its role's level; nothing to propose. " + string.Join(" ", plan.Notes));
        return new ProposalPlan(plan.Changes, $"First static balance by role around {DisplayText.Clean(plan.Anchor)}", plan.Notes);
    });

    [KernelFunction("apply_descriptor")]
    [Description("Proposes the changes a sound descriptor stands for, such as \"warm\", \"bright\", \"punchy\", \"airy\" or \"muddy\", on one track or the whole mix: EQ, compression, reverb, width and level moves from published descriptor studies, sized by intensity and placed using the track's current EQ and measured spectrum. negate asks for less of the word (\"less boomy\", \"too bright\", \"the kick is boomy\"). Nothing changes until commit.")]
    public string ApplyDescriptor(
        [Description("The descriptor word in its base form, e.g. \"warm\", \"bright\", \"boomy\".")] string descriptor,
        [Description(TrackHelp + " Leave empty (or \"mix\") for the whole mix.")] string track = "",
        [Description("How much, 0.05 to 1: \"slightly\"/\"a bit\" 0.33, no qualifier 0.6, \"a lot\"/\"much\"/\"very\" 1.")] double intensity = DescriptorRequest.DefaultIntensity,
        [Description("true for less of the word: \"less X\", \"not so X\", \"too X\", or a fault stated as a fact.")] bool negate = false,
        [Description("For words with several readings, the reading to use (the error for an ambiguous word lists them); empty otherwise.")] string variant = "",
        [Description(UserWordsHelp)] string user_words = "") => Change(() =>
    {
        if (_descriptors is null)
            throw new SessionException($"No descriptor resolver is configured in this build, so {DisplayText.Quote(descriptor)} cannot be turned into settings yet. " +
                "Use set_eq_band, set_compressor or set_gain directly, quoting the user's words as the reason.");
        if (string.IsNullOrWhiteSpace(descriptor)) throw new SessionException("apply_descriptor needs a descriptor word, such as \"warm\" or \"bright\".");
        if (double.IsNaN(intensity) || intensity < DescriptorRequest.MinIntensity || intensity > 1)
            throw new SessionException($"intensity must be between {DescriptorRequest.MinIntensity} and 1 (got {intensity.ToString(CultureInfo.InvariantCulture)}).");
        var target = string.IsNullOrWhiteSpace(track) ? MixTarget.Master : _session.ResolveTarget(track);
        if (target.Scope == TargetScope.Reverb) throw new SessionException("Descriptors apply to a track or the whole mix, not to the reverb bus.");
        StemRole? role = null;
        AnalysisSummary? analysis = null;
        if (target.Scope == TargetScope.Track)
        {
            var stem = _session.ResolveTrack(target.Track);
            role = stem.Role;
            analysis = _analyses.Analyze(stem);
        }
        var resolution = _descriptors.Resolve(new DescriptorRequest(descriptor.Trim(), target, role, Working, analysis, Empty(user_words))
        {
            Intensity = intensity,
            Negate = negate,
            Variant = Empty(variant),
        });
        return new ProposalPlan(resolution.Changes, resolution.Summary);
    });

    [KernelFunction("match_reference")]
    [Description("Proposes changes that bring the mix (or one track) closer to a reference recording the user named (only files the user named in this conversation or inside the session folder can be read): tonal balance, loudness, width. The reference file is remembered in the session. Nothing changes until commit.")]
    public string MatchReference(
        [Description("Path of the reference audio file (absolute, or relative to the session file).")] string reference_file,
        [Description(TrackHelp + " Leave empty to match the whole mix.")] string track = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description("Only these aspects, comma-separated: levels, pan, eq, dynamics, space, master (\"match only the EQ\" -> eq). Empty for all.")] string only = "",
        [Description("How far to move from the current console toward the match, 0 to 100 (\"halfway\" 50, \"30 %\" 30). Default 100.")] double amount = 100) => Change(() =>
    {
        // Whose file it is comes first: a file the user never named is refused before anything else is said about it.
        string path = _session.ResolvePath(reference_file);
        Reads.Require(path, reference_file);
        if (double.IsNaN(amount) || amount < 0 || amount > 100)
            throw new SessionException($"amount must be 0 to 100 (%) (got {amount.ToString(CultureInfo.InvariantCulture)}).");
        if (_referenceMatcher is null)
            throw new SessionException("No reference matcher is configured in this build, so the mix cannot be matched to a reference yet. " +
                "Describe the difference in words instead (apply_descriptor), or set values directly.");
        var target = string.IsNullOrWhiteSpace(track) ? MixTarget.Master : _session.ResolveTarget(track);
        if (!File.Exists(path)) throw new SessionException($"Reference file not found: {DisplayText.Quote(path)}.");
        var provisional = new ReferenceClip(DisplayText.Clean(Path.GetFileNameWithoutExtension(path)), _session.RelativePath(path), _session.Conversation.Turn);
        var result = _referenceMatcher.Match(new ReferenceMatchRequest(provisional, path, target, _session.ToMixDefinition(), Empty(user_words))
        {
            Only = Empty(only),
            AmountPercent = amount,
        });
        // Remembered only once the matcher has answered, so a failed match leaves the session as it was.
        _session.AddReference(path, provisional.Name);
        return new ProposalPlan(result.Changes, result.Summary);
    });
}
