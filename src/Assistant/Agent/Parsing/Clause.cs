using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>Whether the words around a quality state a complaint ("the kick is boomy") or make a request ("make it boomy").</summary>
internal enum ClauseMode { None, Complaint, Request }

/// <summary>A target phrase with what surrounds it: "all the", "the second", "the other".</summary>
internal sealed record TargetRef(Mention Mention, bool AllQuantifier, int? Ordinal, bool Other);

/// <summary>One clause of a request after analysis: what it aims at and what it asks for.</summary>
internal sealed class Clause(IReadOnlyList<Item> items)
{
    public IReadOnlyList<Item> Items { get; } = items;
    public List<TargetRef> Targets { get; } = [];
    public List<TargetRef> Exclusions { get; } = [];
    public List<TrackProfile> PositionalTargets { get; } = [];
    public bool MixTarget { get; set; }
    public bool AllTracksTarget { get; set; }
    public List<ChangeIntent> Intents { get; } = [];
    public bool HasPronoun { get; set; }
    public bool HasFollowUpMarker { get; set; }
    public ClauseMode Mode { get; set; }

    public bool HasTargets => Targets.Count > 0 || PositionalTargets.Count > 0 || MixTarget || AllTracksTarget;
    public bool HasChanges => Intents.Any(i => i is not PraiseIntent);

    /// <summary>Takes another clause's targets (used when a clause names no track of its own).</summary>
    public void InheritTargets(Clause from)
    {
        Targets.AddRange(from.Targets);
        Exclusions.AddRange(from.Exclusions);
        PositionalTargets.AddRange(from.PositionalTargets);
        MixTarget |= from.MixTarget;
        AllTracksTarget |= from.AllTracksTarget;
    }

    public override string ToString() => string.Join(' ', Items);
}
