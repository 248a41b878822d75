using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Reading;

/// <summary>
/// Reads a request: its act, and for each given mention (character spans of instrument words, found by the
/// track resolver) whether it is the target and what should move. The interpreter's rules stay as the
/// fallback and as the exact part (numbers with units, explicit names, "undo").
/// </summary>
public interface IRequestReader
{
    RequestReading Read(string text, IReadOnlyList<TextSpan> mentions);
}
