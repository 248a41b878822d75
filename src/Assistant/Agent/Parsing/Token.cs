namespace Mixwright.Assistant.Agent.Parsing;

internal enum TokenKind { Word, Number, Punct, Reference }

/// <summary>
/// One token of a normalised request. Numbers carry their value and unit ("db", "hz", "percent", "lufs",
/// "ms", "s", "ratio"); <see cref="Signed"/> records an explicit + or - so "-3 dB" can mean "3 dB down".
/// A reference keeps the file path exactly as typed.
/// </summary>
internal sealed record Token(string Text, TokenKind Kind, double Value = 0, string? Unit = null, bool Signed = false, string? Original = null)
{
    public bool IsWord(string w) => Kind == TokenKind.Word && Text == w;
    public override string ToString() => Kind switch
    {
        TokenKind.Number => Unit is null ? Text : $"{Text}{Unit}",
        TokenKind.Reference => $"<{Original}>",
        _ => Text,
    };
}
