using System.Text;

namespace Mixwright.Embeddings.Text;

/// <summary>
/// The comparison key of a word or phrase: lower case with spaces, hyphens, underscores and apostrophes
/// removed, so "lo-fi", "lo fi" and "LoFi" meet, and a phrase matches the concatenation of its tokens.
/// </summary>
public static class TextKey
{
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is ' ' or '-' or '_' or '\'' or '\u2019' or '.') continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static string Of(IReadOnlyList<string> tokens, int start, int count)
    {
        if (count == 1) return Of(tokens[start]);
        var sb = new StringBuilder();
        for (int i = start; i < start + count; i++) sb.Append(Of(tokens[i]));
        return sb.ToString();
    }
}
