using System.Globalization;
using System.Text;

namespace Mixwright.Tools.Roles;

/// <summary>
/// A file or track name cut into comparable pieces: "Lead_VoxDbl-02.wav" gives the words
/// lead, vox, dbl, 02 and the chunks lead, voxdbl, 02. Words split camel case and digits; chunks keep what
/// the author wrote between separators, so run-together names ("hihat", "BVs") still match.
/// </summary>
internal sealed class NameTokens
{
    private NameTokens(IReadOnlyList<string> words, IReadOnlyList<string> chunks, string compact)
    {
        Words = words;
        Chunks = chunks;
        Compact = compact;
    }

    public IReadOnlyList<string> Words { get; }
    public IReadOnlyList<string> Chunks { get; }
    /// <summary>The whole folded name without separators, for scripts written without spaces (Japanese, Chinese, Korean).</summary>
    public string Compact { get; }

    public static NameTokens Of(string name)
    {
        string folded = FoldKeepingCase(name);
        var chunks = new List<string>();
        var words = new List<string>();
        foreach (string chunk in SplitOnSeparators(folded))
        {
            chunks.Add(chunk.ToLowerInvariant());
            words.AddRange(SplitCamelAndDigits(chunk).Select(w => w.ToLowerInvariant()));
        }
        return new NameTokens(words, chunks, string.Concat(chunks));
    }

    /// <summary>Lower case, Latin accents and ligatures removed: "Chœurs" and "choeurs" compare equal.</summary>
    public static string Fold(string text) => FoldKeepingCase(text).ToLowerInvariant();

    private static string FoldKeepingCase(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                'œ' => "oe", 'Œ' => "Oe", 'æ' => "ae", 'Æ' => "Ae", 'ß' => "ss", 'ø' => "o", 'Ø' => "O",
                'ł' => "l", 'Ł' => "L", 'đ' => "d", 'Đ' => "D",
                _ => c.ToString(),
            });
        }
        // Drop combining accents only on Latin letters: Japanese voiced marks decompose the same way
        // and must survive ("ボ" is not "ホ").
        string decomposed = sb.ToString().Normalize(NormalizationForm.FormD);
        var stripped = new StringBuilder(decomposed.Length);
        char previousBase = ' ';
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && previousBase <= '\u024F') continue;
            stripped.Append(c);
            previousBase = c;
        }
        return stripped.ToString().Normalize(NormalizationForm.FormC);
    }

    private static IEnumerable<string> SplitOnSeparators(string text)
    {
        var current = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static IEnumerable<string> SplitCamelAndDigits(string chunk)
    {
        int start = 0;
        for (int i = 1; i < chunk.Length; i++)
        {
            char prev = chunk[i - 1], c = chunk[i];
            bool boundary =
                (char.IsLower(prev) && char.IsUpper(c)) ||
                (char.IsUpper(prev) && char.IsUpper(c) && i + 1 < chunk.Length && char.IsLower(chunk[i + 1])) ||
                (char.IsDigit(prev) != char.IsDigit(c));
            if (!boundary) continue;
            yield return chunk[start..i];
            start = i;
        }
        yield return chunk[start..];
    }
}
