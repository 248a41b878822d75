using Mixwright.Tools.Roles;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Session;

/// <summary>
/// Finds the track a person means: "the vocals", "lead_vox", "Gtr L", "bass". Forgiving about case,
/// "the", spaces and underscores, and falls back to the role; but when several tracks fit it refuses and
/// lists them rather than picking one behind the user's back.
/// </summary>
public static class TrackResolver
{
    private static readonly StemRole[][] RoleFamilies =
    [
        [StemRole.Vocals, StemRole.Lead, StemRole.BackingVocals],
        [StemRole.Kick, StemRole.Snare, StemRole.Hats, StemRole.Overheads, StemRole.Drums],
        [StemRole.ElectricGuitar, StemRole.AcousticGuitar],
        [StemRole.Piano, StemRole.Keys],
        [StemRole.Pad, StemRole.Synth],
    ];

    public static Stem Resolve(IReadOnlyList<Stem> stems, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw new SessionException($"Name a track. Tracks: {List(stems)}.");

        var exact = stems.Where(s => string.Equals(s.Name, query.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
        if (exact.Length == 1) return exact[0];

        string key = Key(query);
        var sameKey = stems.Where(s => Key(s.Name) == key).ToArray();
        if (sameKey.Length > 0) return Single(sameKey, query);

        var guess = FileNameRoleGuesser.Guess(query);
        if (guess.Source == RoleSource.FileName)
        {
            var byRole = stems.Where(s => s.Role == guess.Role).ToArray();
            if (byRole.Length > 0) return Single(byRole, query);
            // "The vocal" in a session with a lead and backing vocals means the lead.
            if (guess.Role == StemRole.Vocals && stems.Count(s => s.Role == StemRole.Lead) == 1)
                return stems.Single(s => s.Role == StemRole.Lead);
            var family = RoleFamilies.FirstOrDefault(f => f.Contains(guess.Role));
            var byFamily = family is null ? [] : stems.Where(s => family.Contains(s.Role)).ToArray();
            if (byFamily.Length > 0) return Single(byFamily, query);
        }

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
