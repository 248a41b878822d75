namespace Mixwright.Assistant.Agent.Parsing;

internal enum MentionKind
{
    /// <summary>One or more tracks (a name, a role, a family or group word).</summary>
    Tracks,
    /// <summary>The master bus: "the mix", "everything", "the whole song".</summary>
    Mix,
    /// <summary>Every track one by one: "all tracks", "every stem".</summary>
    AllTracks,
}

/// <summary>
/// A phrase that names tracks, found at <see cref="Start"/> spanning <see cref="Length"/> tokens.
/// <see cref="Candidates"/> are the best-matching tracks before positional and plural rules are applied;
/// <see cref="Explained"/> every track the phrase fits at all ("all the vocals" takes these).
/// </summary>
internal sealed record Mention(int Start, int Length, MentionKind Kind, IReadOnlyList<TrackProfile> Candidates,
    IReadOnlyList<TrackProfile> Explained, bool IsPlural, string Text)
{
    public int End => Start + Length;
}
