namespace Mixwright.Embeddings.Descriptors;

/// <summary>A named frequency region ("lowmid", "presence") and the EQ move that addresses it by default.</summary>
public sealed record ToneRegion(string Name, EqMoveType Type, double FrequencyHz, double Q, double LowHz, double HighHz);
