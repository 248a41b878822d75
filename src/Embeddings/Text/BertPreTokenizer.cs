namespace Mixwright.Embeddings.Text;

/// <summary>
/// BERT's basic word split of normalised text: runs of non-space characters, with every punctuation character
/// a word of its own. Punctuation is BERT's: Unicode P* plus all non-alphanumeric printable ASCII (so "+", "$",
/// "|", "~", "=" split too). Done here because Microsoft.ML.Tokenizers 2.0.1's pre-tokenizer silently drops
/// symbol characters ("+", "$", "°", emoji) instead of passing them on as words.
/// </summary>
public static class BertPreTokenizer
{
    /// <summary>The words of <paramref name="normalized"/> as (start, length) in it, in order.</summary>
    public static List<(int Start, int Length)> Split(string normalized)
    {
        var words = new List<(int Start, int Length)>();
        int wordStart = -1;
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (char.IsWhiteSpace(c) || IsPunctuation(c))
            {
                if (wordStart >= 0) words.Add((wordStart, i - wordStart));
                wordStart = -1;
                if (!char.IsWhiteSpace(c)) words.Add((i, 1));
            }
            else if (wordStart < 0) wordStart = i;
        }
        if (wordStart >= 0) words.Add((wordStart, normalized.Length - wordStart));
        return words;
    }

    /// <summary>BERT's punctuation test (a surrogate half is never punctuation: no astral character is P*-split by BERT's vocab).</summary>
    public static bool IsPunctuation(char c) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~' || char.IsPunctuation(c);
}
