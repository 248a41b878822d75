namespace Mixwright.Tools.Session;

/// <summary>What a phrase that names tracks names.</summary>
public enum TrackPhraseKind
{
    /// <summary>One or more tracks (a name, a role, a family or group word).</summary>
    Tracks,
    /// <summary>The master bus: "the mix", "everything", "the whole song".</summary>
    Mix,
    /// <summary>Every track one by one: "all tracks", "every stem".</summary>
    AllTracks,
}

/// <summary>
/// A phrase of <see cref="Length"/> words that names tracks. <see cref="Candidates"/> are the best-matching
/// tracks before positional and plural rules are applied; <see cref="Explained"/> every track the phrase fits
/// at all ("all the vocals" takes these).
/// </summary>
public sealed record TrackPhrase(int Length, TrackPhraseKind Kind, IReadOnlyList<TrackProfile> Candidates,
    IReadOnlyList<TrackProfile> Explained, bool IsPlural, string Text);

/// <summary>How a phrase resolved: the tracks meant, or several equally good readings to ask about.</summary>
public sealed record TrackResolution(IReadOnlyList<TrackProfile> Tracks, bool IsAmbiguous)
{
    public static TrackResolution Of(IEnumerable<TrackProfile> tracks) => new(tracks.OrderBy(t => t.Index).ToList(), false);
    public static TrackResolution Ambiguous(IEnumerable<TrackProfile> tracks) => new(tracks.OrderBy(t => t.Index).ToList(), true);
}
