using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// Tags tokens into items by longest match across the lexicons: grammar phrases, the console's own
/// controls, intensity adverbs, track mentions and descriptor words. On equal length the more specific
/// lexicon wins in that order, so "bass" is a track before it is a frequency region; the clause analyser
/// revisits such words when context says otherwise.
/// </summary>
internal sealed class Tagger(DescriptorLexicon descriptors, IntensityLexicon intensities, TrackResolver tracks)
{
    private static readonly Dictionary<string, int> GrammarPhraseLengths =
        Grammar.Phrases.ToDictionary(p => p, p => p.Split(' ').Length, StringComparer.Ordinal);
    private static readonly int MaxGrammarTokens = GrammarPhraseLengths.Values.Max();

    public List<Item> Tag(IReadOnlyList<Token> tokens)
    {
        var items = new List<Item>();
        var words = tokens.Select(t => t.Kind == TokenKind.Word ? t.Text : "\u0001").ToArray();
        int i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Punct: items.Add(new Item(ItemKind.Punct, i, 1, token.Text)); i++; continue;
                case TokenKind.Reference: items.Add(new Item(ItemKind.Reference, i, 1, token.Original ?? token.Text, Token: token)); i++; continue;
                case TokenKind.Number: items.Add(new Item(ItemKind.Number, i, 1, token.Text, Token: token)); i++; continue;
            }

            int grammarLen = GrammarAt(words, i, out string? grammar);
            int builtInLen = BuiltInAt(words, i, out var builtIn);
            var modifier = intensities.MatchAt(words, i);
            var mention = tracks.MentionAt(tokens, i);
            var descriptor = descriptors.MatchAt(words, i);

            int best = new[] { grammarLen, builtInLen, modifier?.Length ?? 0, mention?.Length ?? 0, descriptor?.Length ?? 0 }.Max();
            if (best == 0)
            {
                items.Add(new Item(ItemKind.Word, i, 1, token.Text));
                i++;
                continue;
            }

            // "all" is a quantifier when a track follows ("all the guitars"), everything otherwise.
            if (mention is { Kind: TrackPhraseKind.AllTracks, Text: "all" } && best == 1 && FollowedByMention(tokens, i + 1))
            {
                items.Add(new Item(ItemKind.Word, i, 1, "all"));
                i++;
                continue;
            }

            if (builtInLen == best)
                items.Add(new Item(ItemKind.Quality, i, best, builtIn.Text, Quality: new Quality(builtIn.Kind, builtIn.Sign, null, builtIn.Text)));
            else if (grammarLen == best)
                items.Add(new Item(ItemKind.Word, i, best, grammar!));
            else if (modifier is { } m && m.Length == best)
                items.Add(new Item(ItemKind.Modifier, i, best, string.Join(' ', words.Skip(i).Take(best)), Intensity: m.Intensity));
            else if (mention is { } mm && mm.Length == best)
                items.Add(new Item(ItemKind.Mention, i, best, mm.Text, Mention: mm,
                    Quality: descriptor is { } alt && alt.Length == best ? new Quality(QualityKind.Descriptor, 1, alt.Match, alt.Match.Surface) : null));
            else
            {
                var d = descriptor!.Value;
                items.Add(new Item(ItemKind.Quality, i, best, d.Match.Surface, Quality: new Quality(QualityKind.Descriptor, 1, d.Match, d.Match.Surface)));
            }
            i += best;
        }
        return items;
    }

    private bool FollowedByMention(IReadOnlyList<Token> tokens, int i)
    {
        while (i < tokens.Count && tokens[i].Kind == TokenKind.Word && tokens[i].Text is "the" or "of" or "my" or "our") i++;
        return i < tokens.Count && tracks.MentionAt(tokens, i) is { Kind: TrackPhraseKind.Tracks };
    }

    private static int GrammarAt(string[] words, int i, out string? phrase)
    {
        for (int len = Math.Min(MaxGrammarTokens, words.Length - i); len >= 1; len--)
        {
            string candidate = string.Join(' ', words, i, len);
            if (GrammarPhraseLengths.ContainsKey(candidate)) { phrase = candidate; return len; }
        }
        phrase = null;
        return 0;
    }

    private static int BuiltInAt(string[] words, int i, out (QualityKind Kind, int Sign, string Text) quality)
    {
        for (int len = Math.Min(BuiltInQualities.MaxTokens, words.Length - i); len >= 1; len--)
        {
            string candidate = string.Join(' ', words, i, len);
            if (BuiltInQualities.Words.TryGetValue(candidate, out var q)) { quality = (q.Kind, q.Sign, candidate); return len; }
        }
        quality = default;
        return 0;
    }
}
