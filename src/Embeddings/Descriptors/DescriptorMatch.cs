using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Descriptors;

/// <summary>A descriptor found in text: the word as written and which form of the descriptor it was.</summary>
public sealed record DescriptorMatch(Descriptor Descriptor, string Surface, WordFormKind Form);
