namespace Mixwright.Embeddings.Descriptors;

/// <summary>Where a descriptor's moves come from: keys into the lexicon's source list, and a paraphrased note.</summary>
public sealed record DescriptorSource(IReadOnlyList<string> Refs, string Note);
