using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// A phrase that names tracks, found at token <see cref="Start"/>: the <see cref="TrackResolver"/>'s
/// <see cref="TrackPhrase"/> with its place in the sentence.
/// </summary>
internal sealed record Mention(int Start, TrackPhrase Phrase)
{
    public int Length => Phrase.Length;
    public int End => Start + Length;
    public TrackPhraseKind Kind => Phrase.Kind;
    public IReadOnlyList<TrackProfile> Candidates => Phrase.Candidates;
    public IReadOnlyList<TrackProfile> Explained => Phrase.Explained;
    public bool IsPlural => Phrase.IsPlural;
    public string Text => Phrase.Text;
}
