using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// The parser's thin adapter over the tools' <see cref="TrackResolver"/>: it finds track phrases in a
/// token stream and keeps their token positions; what a phrase means is decided by the resolver alone, the
/// same way as for a language model's "track" argument.
/// </summary>
internal static class TrackMentions
{
    /// <summary>The longest mention starting exactly at <paramref name="start"/>, or null.</summary>
    public static Mention? MentionAt(this TrackResolver tracks, IReadOnlyList<Token> tokens, int start)
    {
        int available = 0;
        while (available < TrackResolver.MaxPhraseWords && start + available < tokens.Count && tokens[start + available].Kind is TokenKind.Word or TokenKind.Number) available++;
        if (available == 0 || tokens[start].Kind != TokenKind.Word) return null;
        var words = new string[available];
        for (int i = 0; i < available; i++) words[i] = tokens[start + i].Text;
        return tracks.LongestPhrase(words) is { } phrase ? new Mention(start, phrase) : null;
    }

    /// <inheritdoc cref="TrackResolver.Resolve(TrackPhrase, bool, bool, int?, IReadOnlyCollection{string}?)"/>
    public static TrackResolution Resolve(this TrackResolver tracks, Mention mention, bool allQuantifier, bool inExclusion, int? ordinal, IReadOnlyCollection<string>? otherThan) =>
        tracks.Resolve(mention.Phrase, allQuantifier, inExclusion, ordinal, otherThan);
}
