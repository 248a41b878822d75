namespace Mixwright.Embeddings.Text;

/// <summary>
/// One text through the encoder: its WordPiece tokens with [CLS] first and [SEP] last, where each came from in the
/// text, and the network's last hidden state for each token (row-major, <see cref="TextEncoder.Dimension"/> floats a
/// token). Downstream heads read direction and targets from these states; <see cref="Spans"/> ties them to words.
/// </summary>
public sealed record TokenStates(
    string Text,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<int> Ids,
    IReadOnlyList<TextSpan> Spans,
    float[] States,
    bool Truncated)
{
    public int Count => Tokens.Count;

    /// <summary>The hidden state of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> StateOf(int index) =>
        States.AsSpan(index * TextEncoder.Dimension, TextEncoder.Dimension);

    /// <summary>True for [CLS] and [SEP], which stand for no characters of the text.</summary>
    public bool IsSpecial(int index) => Spans[index].IsNone;
}
