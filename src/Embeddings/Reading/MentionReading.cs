using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Reading;

/// <summary>
/// One instrument mention as the reader sees it: whether the request is about it (the target) or names it only
/// as a point of comparison ("the vocal is buried under the guitars": the guitars), and what should move on it.
/// </summary>
public sealed record MentionReading(TextSpan Span, float TargetProbability, IReadOnlyList<AspectReading> Aspects)
{
    public bool IsTarget => TargetProbability >= 0.5f;

    public AspectReading this[ReaderAspect aspect] => Aspects[(int)aspect];
}
