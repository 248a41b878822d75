namespace Mixwright.Embeddings.Text;

/// <summary>A correction and how far it was from what was typed.</summary>
public readonly record struct SpellingCorrection(string Word, int Distance);

/// <summary>
/// Corrects a typed word to the nearest word of a closed vocabulary, with a tolerance that grows with the
/// word's length: short words are left alone because one edit turns "than" into "thin". Words listed as
/// protected (ordinary English) are never corrected.
/// </summary>
public sealed class SpellingCorrector
{
    private readonly HashSet<string> _vocabulary;
    private readonly HashSet<string> _protected;
    private readonly Dictionary<int, List<string>> _byLength = new();

    public SpellingCorrector(IEnumerable<string> vocabulary, IEnumerable<string> protectedWords)
    {
        _vocabulary = new HashSet<string>(vocabulary.Where(w => w.Length > 0), StringComparer.Ordinal);
        _protected = new HashSet<string>(protectedWords, StringComparer.Ordinal);
        foreach (string word in _vocabulary.Order(StringComparer.Ordinal))
        {
            if (!_byLength.TryGetValue(word.Length, out var list)) _byLength[word.Length] = list = [];
            list.Add(word);
        }
    }

    public bool IsKnown(string word) => _vocabulary.Contains(word) || _protected.Contains(word);

    /// <summary>Edits allowed for a typed word of this length.</summary>
    public static int Tolerance(int length) => length switch
    {
        <= 2 => 0,
        <= 5 => 1,
        <= 11 => 2,
        _ => 3,
    };

    /// <summary>
    /// The nearest vocabulary word within tolerance, or null when the word is known, protected, numeric or
    /// too far from everything. Ties go to the candidate sharing the first letter, then the last, then the
    /// closest length, then alphabetical order, so the answer never depends on hashing.
    /// </summary>
    public SpellingCorrection? Correct(string word)
    {
        if (word.Length == 0 || IsKnown(word) || char.IsDigit(word[0])) return null;
        int tolerance = Tolerance(word.Length);
        if (tolerance == 0) return null;

        string? best = null;
        int bestDistance = int.MaxValue;
        int bestTie = int.MaxValue;
        for (int len = Math.Max(1, word.Length - tolerance); len <= word.Length + tolerance; len++)
        {
            if (!_byLength.TryGetValue(len, out var candidates)) continue;
            foreach (string candidate in candidates)
            {
                // Three-letter typos only count when they keep the first letter ("kik" -> "kick", not "mix" -> "fix").
                if (word.Length <= 3 && candidate[0] != word[0]) continue;
                int d = DamerauLevenshtein.Distance(word, candidate, Math.Min(tolerance, bestDistance));
                if (d > tolerance || d > bestDistance) continue;
                // Ties: keep the first letter, then prefer a dropped or extra letter over a wrong one
                // ("bas" is "bass", not "bvs"), then the last letter, then the closest length.
                int tie = (candidate[0] == word[0] ? 0 : 8) + (IsSubsequence(word, candidate) || IsSubsequence(candidate, word) ? 0 : 4)
                    + (candidate[^1] == word[^1] ? 0 : 2) + Math.Abs(candidate.Length - word.Length);
                bool better = d < bestDistance
                    || (d == bestDistance && (tie < bestTie || (tie == bestTie && string.CompareOrdinal(candidate, best) < 0)));
                if (!better) continue;
                best = candidate;
                bestDistance = d;
                bestTie = tie;
            }
        }
        return best is null ? null : new SpellingCorrection(best, bestDistance);
    }

    private static bool IsSubsequence(string shorter, string longer)
    {
        if (shorter.Length > longer.Length) return false;
        int i = 0;
        foreach (char c in longer)
            if (i < shorter.Length && shorter[i] == c) i++;
        return i == shorter.Length;
    }
}
