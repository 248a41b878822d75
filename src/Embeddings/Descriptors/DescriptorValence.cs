namespace Mixwright.Embeddings.Descriptors;

/// <summary>
/// Whether a word names a fault, a virtue or neither. A bare fault word ("boomy kick") asks for less of
/// it; a bare virtue or neutral word ("punchy kick", "dark pad") asks for more.
/// </summary>
public enum DescriptorValence { Neutral, Quality, Problem }
