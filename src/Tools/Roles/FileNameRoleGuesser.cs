namespace Mixwright.Tools.Roles;

/// <summary>
/// Guesses a stem's role from its file name by letting every phrase of <see cref="RoleKeywordTable"/> that
/// occurs in the name vote. The name is only ever compared against the table: it is data, never obeyed.
/// </summary>
public static class FileNameRoleGuesser
{
    private sealed record Phrase(string[] Words, string Joined, bool MatchInsideText);

    private sealed record Row(StemRole Role, int Weight, Phrase[] Phrases);

    private static readonly Row[] Rows = RoleKeywordTable.Rows
        .Select(r => new Row(r.Role, r.Weight, r.Phrases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ToPhrase).ToArray()))
        .ToArray();

    /// <summary>The role the name points to, or <see cref="StemRole.Other"/> with <see cref="RoleSource.None"/>.</summary>
    public static RoleGuess Guess(string fileOrTrackName)
    {
        string name = Path.GetFileNameWithoutExtension(fileOrTrackName.Trim());
        if (name.Length == 0) name = fileOrTrackName;
        var tokens = NameTokens.Of(name);

        var votes = new Dictionary<StemRole, int>();
        var evidence = new Dictionary<StemRole, List<string>>();
        foreach (var row in Rows)
        {
            var hit = row.Phrases.FirstOrDefault(p => Matches(p, tokens));
            if (hit is null) continue;
            votes[row.Role] = votes.GetValueOrDefault(row.Role) + row.Weight;
            if (!evidence.TryGetValue(row.Role, out var list)) evidence[row.Role] = list = [];
            list.Add(string.Join(' ', hit.Words));
        }
        if (votes.Count == 0) return RoleGuess.Unknown("no role word in the file name");

        int best = votes.Values.Max();
        var role = RoleKeywordTable.TieBreakOrder.First(r => votes.GetValueOrDefault(r) == best);
        string words = string.Join(", ", evidence[role].Distinct().Select(w => "\"" + w + "\""));
        return new RoleGuess(role, RoleSource.FileName, $"file name word {words}");
    }

    private static Phrase ToPhrase(string text)
    {
        string folded = NameTokens.Fold(text);
        string[] words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Phrase(words, string.Concat(words), folded.Any(IsUnspacedScript));
    }

    private static bool Matches(Phrase phrase, NameTokens tokens)
    {
        if (phrase.MatchInsideText) return tokens.Compact.Contains(phrase.Joined, StringComparison.Ordinal);
        if (tokens.Chunks.Any(c => Same(c, phrase.Joined))) return true;
        var words = tokens.Words;
        for (int start = 0; start + phrase.Words.Length <= words.Count; start++)
        {
            bool all = true;
            for (int k = 0; k < phrase.Words.Length && all; k++) all = Same(words[start + k], phrase.Words[k]);
            if (all) return true;
        }
        return false;
    }

    /// <summary>Equal, or the token is the plural ("hats" for "hat", "BVs" for "bv").</summary>
    private static bool Same(string token, string word) =>
        token == word || (token.Length == word.Length + 1 && token[^1] == 's' && token.StartsWith(word, StringComparison.Ordinal));

    /// <summary>Scripts that run words together, so a keyword is looked for inside the name.</summary>
    private static bool IsUnspacedScript(char c) =>
        c is >= '\u3040' and <= '\u30FF'     // Hiragana, Katakana
          or >= '\u3400' and <= '\u9FFF'     // CJK ideographs
          or >= '\u1100' and <= '\u11FF'     // Hangul Jamo
          or >= '\u3130' and <= '\u318F'     // Hangul compatibility Jamo
          or >= '\uAC00' and <= '\uD7AF';    // Hangul syllables
}
