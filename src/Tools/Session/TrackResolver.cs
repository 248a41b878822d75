using Mixwright.Embeddings.Roles;
using Mixwright.Embeddings.Text;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Session;

/// <summary>
/// Finds the tracks a person means: "the vocals", "lead_vox", "Gtr L", "the rhythm guitar", "bass". The one
/// resolution logic for every back-end: the tools use it for a language model's "track" argument and the
/// local interpreter for the phrases it finds in a sentence, so "guitar" means the same to both.
/// <para>
/// A phrase matches a track when every word is explained by the track: a distinctive word of its name
/// ("rhythm", "host"), a word for its role or family ("gtr", "vocals", "drums"), or noise ("mic", "track").
/// The best-explained tracks win; exact names beat partial ones. When several tracks fit equally it says so
/// rather than picking one behind the user's back.
/// </para>
/// </summary>
public sealed class TrackResolver
{
    /// <summary>The longest phrase looked at, in words.</summary>
    public const int MaxPhraseWords = 4;

    private const double DistinctiveScore = 2, NameNoiseScore = 1, RoleScore = 1.5, FamilyScore = 1, GroupScore = 0.75, NoiseScore = 0.25;
    private const double ExactNameBonus = 3;

    private readonly RoleLexicon _roles;

    /// <param name="tracks">The session's tracks in order, each with the role the session guessed (any of the role vocabulary's words, or null).</param>
    public TrackResolver(IEnumerable<(string Name, string? Role)> tracks, RoleLexicon? roles = null)
    {
        _roles = roles ?? RoleLexicon.Default;
        Tracks = tracks.Select((t, i) => new TrackProfile(t.Name, t.Role, i, _roles)).ToList();
    }

    /// <summary>A resolver over a session's stems, with their roles as the session guessed them.</summary>
    public static TrackResolver ForStems(IReadOnlyList<Stem> stems, RoleLexicon? roles = null) =>
        new(stems.Select(s => (s.Name, (string?)s.Role.Words())), roles);

    public IReadOnlyList<TrackProfile> Tracks { get; }

    public TrackProfile? ByName(string name) => Tracks.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The longest phrase at the start of <paramref name="words"/> (at most <see cref="MaxPhraseWords"/> of
    /// them, compared by <see cref="TextKey"/>) that names tracks, the mix or every track; null when none does.
    /// </summary>
    public TrackPhrase? LongestPhrase(IReadOnlyList<string> text)
    {
        int available = Math.Min(MaxPhraseWords, text.Count);
        if (available == 0) return null;
        string[] words = new string[available];
        for (int i = 0; i < available; i++) words[i] = TextKey.Of(text[i]);
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
                return new TrackPhrase(len, TrackPhraseKind.Tracks, top.Select(s => s.Track).ToList(),
                    scored.Select(s => s.Track).ToList(), plural, string.Join(' ', words.Take(len)));
            }
            if (hits.FirstOrDefault(h => h.Target == RoleWordTarget.Mix) is not null)
                return new TrackPhrase(len, TrackPhraseKind.Mix, [], [], false, string.Join(' ', words.Take(len)));
            if (hits.FirstOrDefault(h => h.Target == RoleWordTarget.AllTracks) is not null)
                return new TrackPhrase(len, TrackPhraseKind.AllTracks, Tracks, Tracks, true, string.Join(' ', words.Take(len)));
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
    /// Which tracks a phrase means. Rules, in order: an ordinal picks by session order ("the second
    /// guitar"); one candidate is it; "all"/"both" or an exclusion takes every candidate; a generic word
    /// prefers the one lead part over support parts ("the vocals" is the lead vocal when the others are
    /// backing); a plural takes all lead parts; otherwise the phrase is ambiguous.
    /// </summary>
    public TrackResolution Resolve(TrackPhrase phrase, bool allQuantifier = false, bool inExclusion = false, int? ordinal = null, IReadOnlyCollection<string>? otherThan = null)
    {
        if (phrase.Kind == TrackPhraseKind.AllTracks) return TrackResolution.Of(Tracks);
        var candidates = (allQuantifier || inExclusion ? phrase.Explained : phrase.Candidates).OrderBy(t => t.Index).ToList();
        if (otherThan is { Count: > 0 })
        {
            var rest = candidates.Where(c => !otherThan.Contains(c.Name)).ToList();
            if (rest.Count > 0) candidates = rest;
        }
        if (ordinal is int n)
        {
            int index = n < 0 ? candidates.Count + n : n - 1;
            return index >= 0 && index < candidates.Count ? TrackResolution.Of([candidates[index]]) : TrackResolution.Ambiguous(candidates);
        }
        if (candidates.Count == 1 || allQuantifier || inExclusion) return TrackResolution.Of(candidates);
        var primaries = candidates.Where(c => !c.IsSupport).ToList();
        if (primaries.Count == 1) return TrackResolution.Of(primaries);
        if (phrase.IsPlural) return TrackResolution.Of(primaries.Count > 0 ? primaries : candidates);
        return TrackResolution.Ambiguous(candidates);
    }

    /// <summary>
    /// The tracks a whole query names ("the lead vocal", "gtr l"), or null when the query is not one phrase
    /// that names tracks. A leading "the" is not part of it.
    /// </summary>
    public TrackResolution? ResolveQuery(string query)
    {
        var words = TrackProfile.WordsOf(NameTokens.Fold(query));
        int skip = words.Length > 1 && words[0] == "the" ? 1 : 0;
        if (words.Length - skip is < 1 or > MaxPhraseWords || char.IsDigit(words[skip][0])) return null;
        var phrase = LongestPhrase(words[skip..]);
        return phrase is { Kind: TrackPhraseKind.Tracks } && phrase.Length == words.Length - skip ? Resolve(phrase) : null;
    }

    /// <summary>
    /// The one stem a tool's "track" argument means. Forgiving about case, "the", spaces and underscores
    /// ("The Lead-Vox" is Lead_Vox); then the phrase rules above; then a fragment of one name ("07" for
    /// "Audio 07"). When several stems fit it refuses and lists them.
    /// </summary>
    public static Stem Resolve(IReadOnlyList<Stem> stems, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw new SessionException($"Name a track. Tracks: {List(stems)}.");

        var exact = stems.Where(s => string.Equals(s.Name, query.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
        if (exact.Length == 1) return exact[0];

        string key = Key(query);
        var sameKey = stems.Where(s => Key(s.Name) == key).ToArray();
        if (sameKey.Length > 0) return Single(sameKey, query);

        if (ForStems(stems).ResolveQuery(query) is { Tracks.Count: > 0 } resolution)
            return Single(resolution.Tracks.Select(t => stems[t.Index]).ToArray(), query);

        if (key.Length >= 2)
        {
            var partial = stems.Where(s => Key(s.Name).Contains(key, StringComparison.Ordinal)).ToArray();
            if (partial.Length > 0) return Single(partial, query);
        }

        throw new SessionException($"No track matches {DisplayText.Quote(query)}. Tracks: {List(stems)}.");
    }

    /// <summary>Folded, without "the", separators or punctuation: "The Lead_Vox" gives "leadvox".</summary>
    internal static string Key(string name)
    {
        string folded = NameTokens.Fold(name.Trim());
        if (folded.StartsWith("the ", StringComparison.Ordinal)) folded = folded[4..];
        return string.Concat(folded.Where(char.IsLetterOrDigit));
    }

    private static Stem Single(Stem[] candidates, string query)
    {
        if (candidates.Length == 1) return candidates[0];
        throw new SessionException(
            $"{DisplayText.Quote(query)} could mean {List(candidates)}. Say which one (the exact track name works best).");
    }

    private static string List(IEnumerable<Stem> stems) => string.Join(", ", stems.Select(s => DisplayText.Quote(s.Name)));
}
