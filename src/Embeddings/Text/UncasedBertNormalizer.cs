using System.Globalization;
using System.Text;

namespace Mixwright.Embeddings.Text;

/// <summary>
/// The text an uncased BERT vocabulary expects, with the way back to the original characters: control characters
/// dropped, every whitespace turned into a space, CJK ideographs set apart by spaces, accents stripped (NFD, then
/// non-spacing marks removed) and lower case — the normalisation all-MiniLM-L6-v2 was trained behind (Hugging Face's
/// BertNormalizer with lowercase and strip_accents). Done here rather than inside the tokenizer because the
/// tokenizer reports offsets into its own normalised text, and downstream code needs them in the user's text.
/// </summary>
public static class UncasedBertNormalizer
{
    /// <summary>The normalised text; character i came from the original's [SourceStart[i], SourceEnd[i]).</summary>
    public sealed record Result(string Text, int[] SourceStart, int[] SourceEnd)
    {
        /// <summary>The original characters behind normalised [start, end).</summary>
        public TextSpan ToSource(int start, int end) =>
            end <= start ? new TextSpan(SourceStart[start], SourceStart[start]) : new TextSpan(SourceStart[start], SourceEnd[end - 1]);
    }

    public static Result Normalize(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        var starts = new List<int>(text.Length + 8);
        var ends = new List<int>(text.Length + 8);
        void Emit(char c, int start, int end)
        {
            output.Append(c);
            starts.Add(start);
            ends.Add(end);
        }

        int index = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            // EnumerateRunes turns a lone surrogate into U+FFFD, one code unit long like the original.
            int start = index, end = index + rune.Utf16SequenceLength;
            index = end;
            int value = rune.Value;
            if (value < 0x80)
            {
                char c = (char)value;
                if (c is ' ' or '\t' or '\n' or '\r') Emit(' ', start, end);
                else if (c < 0x20 || c == 0x7F) continue;
                else Emit(char.ToLowerInvariant(c), start, end);
                continue;
            }
            if (value == 0xFFFD) continue;
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.SpaceSeparator) { Emit(' ', start, end); continue; }
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            if (IsCjkIdeograph(value))
            {
                Emit(' ', start, end);
                AppendRune(rune);
                Emit(' ', start, end);
                continue;
            }
            int before = output.Length;
            foreach (Rune part in rune.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
                if (Rune.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                    AppendRune(Rune.ToLowerInvariant(part));
            // A combining accent typed on its own ("e" + U+0301) leaves nothing, but belongs to the letter before
            // it: widen that letter's source so a token spans the whole "é" the user sees.
            if (output.Length == before && category == UnicodeCategory.NonSpacingMark && ends.Count > 0 && ends[^1] == start)
                for (int k = ends.Count - 1; k >= 0 && ends[k] == start; k--) ends[k] = end;

            void AppendRune(Rune r)
            {
                Span<char> units = stackalloc char[2];
                int written = r.EncodeToUtf16(units);
                for (int k = 0; k < written; k++) Emit(units[k], start, end);
            }
        }
        return new Result(output.ToString(), starts.ToArray(), ends.ToArray());
    }

    /// <summary>The CJK Unified Ideographs blocks BERT splits into single characters (as its basic tokenizer does).</summary>
    private static bool IsCjkIdeograph(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF
            or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF
            or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
