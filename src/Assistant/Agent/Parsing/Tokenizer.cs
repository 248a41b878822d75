using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mixwright.Embeddings.Text;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// Turns a typed request into tokens: lower case, contractions expanded, numbers joined with their units,
/// file paths kept intact, drawn-out letters collapsed ("sooo"), and unknown words corrected against the
/// vocabulary the interpreter understands.
/// </summary>
internal sealed partial class Tokenizer(SpellingCorrector corrector)
{
    // A quoted path may contain spaces ('Good Song.wav'); an unquoted one may not.
    [GeneratedRegex(@"[""']((?:[A-Za-z]:)?[^""'\r\n]*?\.(?:wav|mp3|flac|ogg|opus|m4a|aac|aiff?|w64|wv))[""']|(?<![\w/\\~.-])((?:[A-Za-z]:)?[\w\-./\\~]*[\w\-~]\.(?:wav|mp3|flac|ogg|opus|m4a|aac|aiff?|w64|wv))(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<num>[+-]?\d+(?:\.\d+)?)\s*:\s*1\b|(?<num>[+-]?\d+(?:\.\d+)?)(?<unit>khz|k|hz|dbtp|dbfs|db|lufs|lu|ms|sec|s|%)?(?![a-z])|(?<ab>a/b)|(?<word>[a-z]+(?:[-'][a-z0-9]+)*)|(?<p>[,.;!?&/])", RegexOptions.IgnoreCase)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"(.)\1{2,}")]
    private static partial Regex Elongation();

    private static readonly Dictionary<string, string> Contractions = new(StringComparer.Ordinal)
    {
        ["it's"] = "it is", ["that's"] = "that is", ["what's"] = "what is", ["there's"] = "there is", ["here's"] = "here is",
        ["how's"] = "how is", ["where's"] = "where is", ["who's"] = "who is", ["he's"] = "he is", ["she's"] = "she is",
        ["let's"] = "let us", ["i'm"] = "i am", ["you're"] = "you are", ["we're"] = "we are", ["they're"] = "they are",
        ["can't"] = "can not", ["cannot"] = "can not", ["won't"] = "will not", ["don't"] = "do not", ["doesn't"] = "does not",
        ["didn't"] = "did not", ["isn't"] = "is not", ["aren't"] = "are not", ["wasn't"] = "was not", ["weren't"] = "were not",
        ["shouldn't"] = "should not", ["couldn't"] = "could not", ["wouldn't"] = "would not", ["haven't"] = "have not",
        ["hasn't"] = "has not", ["i'd"] = "i would", ["i'll"] = "i will", ["i've"] = "i have", ["you'll"] = "you will",
        ["it'll"] = "it will", ["dont"] = "do not", ["doesnt"] = "does not", ["cant"] = "can not", ["isnt"] = "is not",
        ["wont"] = "will not", ["im"] = "i am", ["whats"] = "what is", ["thats"] = "that is", ["lets"] = "let us",
        ["wanna"] = "want to", ["gonna"] = "going to", ["gotta"] = "got to", ["kinda"] = "kind of", ["sorta"] = "sort of",
        ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks", ["u"] = "you", ["ur"] = "your",
        ["abit"] = "a bit", ["alot"] = "a lot", ["centre"] = "center", ["centred"] = "centered", ["analyse"] = "analyze",
        ["alright"] = "all right", ["eq'd"] = "eqed", ["w/"] = "with",
    };

    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12, ["half"] = 0.5, ["couple"] = 2, ["few"] = 3,
    };

    private static readonly Dictionary<string, string> UnitWords = new(StringComparer.Ordinal)
    {
        ["db"] = "db", ["dbs"] = "db", ["decibel"] = "db", ["decibels"] = "db", ["hz"] = "hz", ["hertz"] = "hz", ["khz"] = "khz",
        ["k"] = "khz", ["lufs"] = "lufs", ["lu"] = "lufs", ["ms"] = "ms", ["milliseconds"] = "ms", ["millisecond"] = "ms",
        ["seconds"] = "s", ["second"] = "s", ["sec"] = "s", ["secs"] = "s", ["percent"] = "percent", ["%"] = "percent",
        ["dbtp"] = "dbtp", ["dbfs"] = "db",
    };

    public List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        // File paths first, on the original text, so their case and punctuation survive.
        var references = new List<string>();
        // Where each character of the masked text came from in the typed text (references shrink or grow).
        var origin = new List<int>(text.Length + 16);
        var maskedText = new StringBuilder(text.Length + 16);
        int copied = 0;
        foreach (Match m in ReferencePattern().Matches(text))
        {
            for (int c = copied; c < m.Index; c++) { maskedText.Append(text[c]); origin.Add(c); }
            references.Add((m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Trim());
            string placeholder = $" reffile-{references.Count - 1} ";
            foreach (char ch in placeholder) { maskedText.Append(ch); origin.Add(m.Index); }
            origin[^1] = m.Index + m.Length - 1;
            copied = m.Index + m.Length;
        }
        for (int c = copied; c < text.Length; c++) { maskedText.Append(text[c]); origin.Add(c); }
        string masked = maskedText.ToString();

        string lowered = masked.Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant();
        foreach (Match m in TokenPattern().Matches(lowered))
        {
            int first = tokens.Count;
            if (m.Groups["num"].Success)
            {
                string raw = m.Groups["num"].Value;
                double value = double.Parse(raw, CultureInfo.InvariantCulture);
                string? unit = m.Value.Contains(':') ? "ratio" : m.Groups["unit"].Success ? UnitWords.GetValueOrDefault(m.Groups["unit"].Value.ToLowerInvariant()) : null;
                if (unit == "khz") { value *= 1000; unit = "hz"; }
                tokens.Add(new Token(raw.TrimStart('+'), TokenKind.Number, value, unit, raw[0] is '+' or '-'));
            }
            else if (m.Groups["ab"].Success) tokens.Add(new Token("a/b", TokenKind.Word));
            else if (m.Groups["p"].Success)
            {
                string p = m.Groups["p"].Value;
                tokens.Add(p == "&" ? new Token("and", TokenKind.Word) : new Token(p, TokenKind.Punct));
            }
            else
            {
                string word = m.Groups["word"].Value;
                if (word.StartsWith("reffile-", StringComparison.Ordinal) && int.TryParse(word.AsSpan(8), out int index) && index < references.Count)
                    tokens.Add(new Token("reference-file", TokenKind.Reference, Original: references[index]));
                else
                    AddWord(tokens, word);
            }
            // Lower-casing keeps the length of the text, so the match's characters map straight back.
            if (m.Length > 0 && m.Index + m.Length <= origin.Count)
            {
                int start = origin[m.Index], end = origin[m.Index + m.Length - 1] + 1;
                for (int k = first; k < tokens.Count; k++) tokens[k] = tokens[k] with { Start = start, End = end };
            }
        }
        AttachUnitsAndNumberWords(tokens);
        return tokens;
    }

    private void AddWord(List<Token> tokens, string word)
    {
        if (Contractions.TryGetValue(word, out string? expanded))
        {
            foreach (string part in expanded.Split(' ')) tokens.Add(new Token(part, TokenKind.Word));
            return;
        }
        if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];       // possessive: "the host's voice"
        else if (word.EndsWith("n't", StringComparison.Ordinal)) { AddWord(tokens, word[..^3]); tokens.Add(new Token("not", TokenKind.Word)); return; }
        word = word.Trim('\'');
        if (word.Length == 0) return;
        tokens.Add(Correct(word));
    }

    /// <summary>Collapses drawn-out letters and corrects unknown words; known words pass untouched.</summary>
    private Token Correct(string word)
    {
        if (IsKnownOrDerived(word)) return new Token(word, TokenKind.Word);
        if (Elongation().IsMatch(word))
        {
            string two = Elongation().Replace(word, "$1$1");
            if (IsKnownOrDerived(two)) return new Token(two, TokenKind.Word, Original: word);
            string one = Elongation().Replace(word, "$1");
            if (IsKnownOrDerived(one)) return new Token(one, TokenKind.Word, Original: word);
            word = two;
        }
        string key = TextKey.Of(word);
        return corrector.Correct(key) is { } fix ? new Token(fix.Word, TokenKind.Word, Original: word) : new Token(word, TokenKind.Word);
    }

    private bool IsKnownOrDerived(string word)
    {
        string key = TextKey.Of(word);
        if (corrector.IsKnown(key) || NumberWords.ContainsKey(key) || UnitWords.ContainsKey(key)) return true;
        foreach (var (candidate, kind) in WordForms.BaseCandidates(key))
            if (kind != WordFormKind.Base && candidate.Length >= 3 && corrector.IsKnown(candidate)) return true;
        return false;
    }

    /// <summary>"3 dB" and "three dB" become one number token; "-" before a number word signs it.</summary>
    private static void AttachUnitsAndNumberWords(List<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            bool nextIsUnit = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && UnitWords.ContainsKey(tokens[i + 1].Text);
            if (t.Kind == TokenKind.Word && NumberWords.TryGetValue(t.Text, out double value))
            {
                // "a couple of dB", "a few dB": skip the "of" between the number word and its unit.
                bool ofUnit = i + 2 < tokens.Count && tokens[i + 1].IsWord("of") && UnitWords.ContainsKey(tokens[i + 2].Text);
                if (ofUnit) { tokens.RemoveAt(i + 1); nextIsUnit = true; }
                bool afterAmountWord = i > 0 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Text is "by" or "up" or "down" or "to";
                if (!nextIsUnit && !(afterAmountWord && t.Text != "one")) continue;
                if (i > 0 && tokens[i - 1].IsWord("a") && t.Text is "couple" or "few" or "half") tokens.RemoveAt(--i);
                tokens[i] = t = new Token(value.ToString(CultureInfo.InvariantCulture), TokenKind.Number, value, Start: t.Start, End: t.End);
            }
            if (t.Kind == TokenKind.Number && t.Unit is null && nextIsUnit)
            {
                string unit = UnitWords[tokens[i + 1].Text];
                double v = t.Value;
                if (unit == "khz") { v *= 1000; unit = "hz"; }
                tokens[i] = t with { Value = v, Unit = unit, End = Math.Max(t.End, tokens[i + 1].End) };
                tokens.RemoveAt(i + 1);
            }
        }
    }
}
