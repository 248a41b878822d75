using Mixwright.Embeddings.Roles;
using Mixwright.Embeddings.Text;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>How a mention resolved: the tracks meant, or several equally good readings to ask about.</summary>
internal sealed record Resolution(IReadOnlyList<TrackProfile> Tracks, bool IsAmbiguous)
{
    public static Resolution Of(IEnumerable<TrackProfile> tracks) => new(tracks.OrderBy(t => t.Index).ToList(), false);
    public static Resolution Ambiguous(IEnumerable<TrackProfile> tracks) => new(tracks.OrderBy(t => t.Index).ToList(), true);
}

/// <summary>
/// Finds phrases that name tracks and decides which tracks they mean. A phrase matches a track when every
/// word is explained by the track: a distinctive word of its name ("rhythm", "host"), a word for its role
/// or family ("gtr", "vocals", "drums"), or noise ("mic", "track"). The best-explained tracks win; exact
/// names beat partial ones.
/// </summary>
internal sealed class TrackResolver
{
    private const double DistinctiveScore = 2, NameNoiseScore = 1, RoleScore = 1.5, FamilyScore = 1, GroupScore = 0.75, NoiseScore = 0.25;
    private const double ExactNameBonus = 3;
    private const int MaxSpan = 4;

    private readonly RoleLexicon _roles;

    public TrackResolver(IReadOnlyList<TrackInfo> tracks, RoleLexicon roles)
    {
        _roles = roles;
        Tracks = tracks.Select((t, i) => new TrackProfile(t, i, roles)).ToList();
    }

    public IReadOnlyList<TrackProfile> Tracks { get; }

    public TrackProfile? ByName(string name) => Tracks.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The longest mention starting exactly at <paramref name="start"/>, or null.</summary>
    public Mention? MentionAt(IReadOnlyList<Token> tokens, int start)
    {
        int available = 0;
        while (available < MaxSpan && start + available < tokens.Count && tokens[start + available].Kind is TokenKind.Word or TokenKind.Number) available++;
        if (available == 0 || tokens[start].Kind != TokenKind.Word) return null;
        string[] words = new string[available];
        for (int i = 0; i < available; i++) words[i] = TextKey.Of(tokens[start + i].Text);
        // Role phrases of every sub-span, looked up once and shared by all tracks and lengths.
        var phraseHits = new IReadOnlyList<RoleWordHit>[available, 4];
        for (int p = 0; p < available; p++)
            for (int l = 1; l <= Math.Min(3, available - p); l++)
                phraseHits[p, l] = _roles.Lookup(words, p, l);

        for (int len = available; len >= 1; len--)
        {
            var hits = len <= 3 ? phraseHits[0, len] : _roles.Lookup(words, 0, len);
            var scored = new List<(TrackProfile Track, double Score, bool Plural)>();
            foreach (var track in Tracks)
                if (Explain(track, words, len, phraseHits) is { } e) scored.Add((track, e.Score, e.Plural));
            if (scored.Count > 0)
            {
                double best = scored.Max(s => s.Score);
                var top = scored.Where(s => s.Score >= best - 1e-9).ToList();
                bool plural = top.Any(s => s.Plural) || hits.Any(h => h.IsPlural && h.Target != RoleWordTarget.Role);
                return new Mention(start, len, MentionKind.Tracks, top.Select(s => s.Track).ToList(),
                    scored.Select(s => s.Track).ToList(), plural, string.Join(' ', words.Take(len)));
            }
            if (hits.FirstOrDefault(h => h.Target == RoleWordTarget.Mix) is not null)
                return new Mention(start, len, MentionKind.Mix, [], [], false, string.Join(' ', words.Take(len)));
            if (hits.FirstOrDefault(h => h.Target == RoleWordTarget.AllTracks) is not null)
                return new Mention(start, len, MentionKind.AllTracks, Tracks, Tracks, true, string.Join(' ', words.Take(len)));
        }
        return null;
    }

    /// <summary>
    /// How well <paramref name="track"/> explains the first <paramref name="len"/> words, as the best sum of
    /// word scores (dynamic programming over phrase splits), or null when some word is unexplained or the
    /// phrase is only noise.
    /// </summary>
    private (double Score, bool Plural)? Explain(TrackProfile track, string[] words, int len, IReadOnlyList<RoleWordHit>[,] phraseHits)
    {
        var best = new (double Score, bool Plural, bool Substance)?[len + 1];
        best[len] = (0, false, false);
        for (int p = len - 1; p >= 0; p--)
        {
            (double, bool, bool)? choice = null;
            void Consider(double score, bool plural, bool substance, int next)
            {
                if (best[next] is not { } rest) return;
                var candidate = (score + rest.Score, plural || rest.Plural, substance || rest.Substance);
                if (choice is null || candidate.Item1 > choice.Value.Item1) choice = candidate;
            }
            string w = words[p];
            if (track.Distinctive.Contains(w)) Consider(DistinctiveScore, false, true, p + 1);
            else if (w.Length > 3 && w.EndsWith('s') && track.Distinctive.Contains(w[..^1])) Consider(DistinctiveScore, true, true, p + 1);
            else if (track.NameNoise.Contains(w)) Consider(NameNoiseScore, false, false, p + 1);
            else if (_roles.NoiseTokens.Contains(w)) Consider(NoiseScore, false, false, p + 1);
            for (int l = Math.Min(3, len - p); l >= 1; l--)
                foreach (var hit in phraseHits[p, l])
                {
                    double? s = hit.Target switch
                    {
                        RoleWordTarget.Role when track.RoleIds.Contains(hit.Id) => RoleScore,
                        RoleWordTarget.Family when track.Families.Contains(hit.Id) => FamilyScore,
                        RoleWordTarget.Group when hit.Group!.Includes(track.Family) => GroupScore,
                        _ => null,
                    };
                    if (s is double score) Consider(score * l, hit.IsPlural, true, p + l);
                }
            best[p] = choice;
        }
        if (best[0] is not { Substance: true } result) return null;
        double total = result.Score;
        if (TextKey.Of(string.Concat(words.Take(len))) == track.FullKey) total += ExactNameBonus;
        return (total, result.Plural);
    }

    /// <summary>
    /// Which tracks a mention means. Rules, in order: an ordinal picks by session order ("the second
    /// guitar"); one candidate is it; "all"/"both" or an exclusion takes every candidate; a generic word
    /// prefers the one lead part over support parts ("the vocals" is the lead vocal when the others are
    /// backing); a plural takes all lead parts; otherwise the mention is ambiguous.
    /// </summary>
    public Resolution Resolve(Mention mention, bool allQuantifier, bool inExclusion, int? ordinal, IReadOnlyCollection<string>? otherThan)
    {
        if (mention.Kind == MentionKind.AllTracks) return Resolution.Of(Tracks);
        var candidates = (allQuantifier || inExclusion ? mention.Explained : mention.Candidates).OrderBy(t => t.Index).ToList();
        if (otherThan is { Count: > 0 })
        {
            var rest = candidates.Where(c => !otherThan.Contains(c.Name)).ToList();
            if (rest.Count > 0) candidates = rest;
        }
        if (ordinal is int n)
        {
            int index = n < 0 ? candidates.Count + n : n - 1;
            return index >= 0 && index < candidates.Count ? Resolution.Of([candidates[index]]) : Resolution.Ambiguous(candidates);
        }
        if (candidates.Count == 1 || allQuantifier || inExclusion) return Resolution.Of(candidates);
        var primaries = candidates.Where(c => !c.IsSupport).ToList();
        if (primaries.Count == 1) return Resolution.Of(primaries);
        if (mention.IsPlural) return Resolution.Of(primaries.Count > 0 ? primaries : candidates);
        return Resolution.Ambiguous(candidates);
    }
}
