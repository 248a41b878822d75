namespace Mixwright.Embeddings.Descriptors;

/// <summary>
/// One reading of an ambiguous word ("warm" as more low-mid body, or as softer highs). <see cref="Roles"/>
/// lists the track roles for which engineers usually mean this reading.
/// </summary>
public sealed record DescriptorAlternative(string Id, string Label, IReadOnlyList<string> Roles, DescriptorMoves Moves);
