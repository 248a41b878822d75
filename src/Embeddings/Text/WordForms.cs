namespace Mixwright.Embeddings.Text;

/// <summary>How a surface word relates to the base word it was reduced to.</summary>
public enum WordFormKind
{
    /// <summary>The word itself.</summary>
    Base,
    /// <summary>"brighter", "punchier", "wider": asks for more of the quality.</summary>
    Comparative,
    /// <summary>"brightness", "warmth", "muddiness": names the quality.</summary>
    Noun,
    /// <summary>"brighten", "widen", "darkened": an instruction to move toward the quality.</summary>
    Verb,
    /// <summary>"warmly", "brightish" and other derived forms.</summary>
    Other,
}

/// <summary>
/// English suffix rules that reduce a word to candidate base forms ("fatter" to "fat", "muddiness" to
/// "muddy", "widen" to "wide"), and the reverse: the comparative a base word takes. Candidates are
/// guesses; a lexicon lookup decides which one is a real word.
/// </summary>
public static class WordForms
{
    public static IEnumerable<(string Base, WordFormKind Kind)> BaseCandidates(string word)
    {
        yield return (word, WordFormKind.Base);
        int n = word.Length;
        if (n < 4) yield break;

        if (word.EndsWith("iest", StringComparison.Ordinal)) yield return (word[..^4] + "y", WordFormKind.Comparative);
        if (word.EndsWith("ier", StringComparison.Ordinal)) yield return (word[..^3] + "y", WordFormKind.Comparative);
        if (word.EndsWith("er", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^2])) yield return (stem, WordFormKind.Comparative);
        if (word.EndsWith("est", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^3])) yield return (stem, WordFormKind.Comparative);
        if (word.EndsWith("r", StringComparison.Ordinal) && word[^2] == 'e') yield return (word[..^1], WordFormKind.Comparative);

        if (word.EndsWith("iness", StringComparison.Ordinal)) yield return (word[..^5] + "y", WordFormKind.Noun);
        if (word.EndsWith("ness", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^4])) yield return (stem, WordFormKind.Noun);
        if (word.EndsWith("th", StringComparison.Ordinal)) yield return (word[..^2], WordFormKind.Noun);
        if (word.EndsWith("ity", StringComparison.Ordinal)) yield return (word[..^3], WordFormKind.Noun);

        if (word.EndsWith("ened", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^4])) yield return (stem, WordFormKind.Verb);
        if (word.EndsWith("en", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^2])) yield return (stem, WordFormKind.Verb);
        if (word.EndsWith("n", StringComparison.Ordinal) && word[^2] == 'e') yield return (word[..^1], WordFormKind.Verb);
        if (word.EndsWith("ed", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^2])) yield return (stem, WordFormKind.Other);
        if (word.EndsWith("ing", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^3])) yield return (stem, WordFormKind.Other);

        if (word.EndsWith("ily", StringComparison.Ordinal)) yield return (word[..^3] + "y", WordFormKind.Other);
        if (word.EndsWith("ly", StringComparison.Ordinal)) yield return (word[..^2], WordFormKind.Other);
        if (word.EndsWith("ish", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^3])) yield return (stem, WordFormKind.Other);
        if (word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal)) yield return (word[..^1], WordFormKind.Other);
        if (word.EndsWith("y", StringComparison.Ordinal))
            foreach (string stem in Stems(word[..^1])) yield return (stem, WordFormKind.Other);
    }

    /// <summary>The comparative of a one-word base form: "bright" to "brighter", "boomy" to "boomier", "fat" to "fatter".</summary>
    public static string Comparative(string word)
    {
        if (word.Length < 3) return word + "er";
        if (word.EndsWith('y') && !IsVowel(word[^2])) return word[..^1] + "ier";
        if (word.EndsWith('e')) return word + "r";
        if (EndsConsonantVowelConsonant(word) && word.Length <= 4) return word + word[^1] + "er";
        return word + "er";
    }

    private static IEnumerable<string> Stems(string stem)
    {
        if (stem.Length < 2) yield break;
        yield return stem;
        yield return stem + "e";
        if (stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1])) yield return stem[..^1];
    }

    private static bool EndsConsonantVowelConsonant(string w) =>
        w.Length >= 3 && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y') && IsVowel(w[^2]) && !IsVowel(w[^3]);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
