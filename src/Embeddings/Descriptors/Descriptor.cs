namespace Mixwright.Embeddings.Descriptors;

/// <summary>
/// A timbre, mood or space word and its console moves. An unambiguous word has <see cref="Moves"/>; an
/// ambiguous one has two or more <see cref="Alternatives"/> and no default.
/// </summary>
public sealed record Descriptor(
    string Word,
    IReadOnlyList<string> Forms,
    string Category,
    DescriptorValence Valence,
    string? Opposite,
    string Gloss,
    DescriptorSource Source,
    DescriptorMoves? Moves,
    IReadOnlyList<DescriptorAlternative> Alternatives)
{
    public bool IsAmbiguous => Alternatives.Count > 1;

    /// <summary>Region words ("low end", "presence") name a frequency range rather than a quality.</summary>
    public bool IsRegion => Category == "region";

    public DescriptorAlternative? FindAlternative(string id) =>
        Alternatives.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The moves at intensity 1. An ambiguous word needs <paramref name="variant"/>, one of its alternatives' ids.
    /// </summary>
    public DescriptorMoves MovesFor(string? variant = null)
    {
        if (!IsAmbiguous)
        {
            if (variant is not null && FindAlternative(variant) is { } only) return only.Moves;
            return Moves ?? Alternatives[0].Moves;
        }
        if (variant is null)
            throw new ArgumentException(
                $"'{Word}' is ambiguous: choose a variant ({string.Join(", ", Alternatives.Select(a => a.Id))}).", nameof(variant));
        return (FindAlternative(variant)
            ?? throw new ArgumentException(
                $"'{Word}' has no variant '{variant}' (expected {string.Join(", ", Alternatives.Select(a => a.Id))}).", nameof(variant))).Moves;
    }
}
