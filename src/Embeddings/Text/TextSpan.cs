namespace Mixwright.Embeddings.Text;

/// <summary>
/// A token's characters in the text it came from: [Start, End) in UTF-16 code units of the original string
/// (before lower-casing and accent stripping). Special tokens ([CLS], [SEP]) have no characters: (-1, -1).
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public static readonly TextSpan None = new(-1, -1);

    public bool IsNone => Start < 0;
    public int Length => IsNone ? 0 : End - Start;

    /// <summary>The characters of <paramref name="text"/> this span covers ("" for a special token).</summary>
    public string Of(string text) => IsNone ? "" : text[Start..End];
}
