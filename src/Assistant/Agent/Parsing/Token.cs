namespace Mixwright.Assistant.Agent.Parsing;

internal enum TokenKind { Word, Number, Punct, Reference }

/// <summary>
/// One token of a normalised request. Numbers carry their value and unit ("db", "hz", "percent", "lufs",
/// "ms", "s", "ratio"); <see cref="Signed"/> records an explicit + or - so "-3 dB" can mean "3 dB down".
/// A reference keeps the file path exactly as typed. <see cref="Start"/> and <see cref="End"/> are the characters
/// of the typed text the token came from (both halves of "don't" point at the whole word), so mentions can be
/// handed to the learned reader as character spans; -1 when unknown.
/// </summary>
internal sealed record Token(string Text, TokenKind Kind, double Value = 0, string? Unit = null, bool Signed = false, string? Original = null, int Start = -1, int End = -1)
{
    public bool IsWord(string w) => Kind == TokenKind.Word && Text == w;
    public override string ToString() => Kind switch
    {
        TokenKind.Number => Unit is null ? Text : $"{Text}{Unit}",
        TokenKind.Reference => $"<{Original}>",
        _ => Text,
    };
}
