namespace Mixwright.Embeddings.Descriptors;

/// <summary>
/// One EQ move. In a descriptor's data <see cref="GainDb"/> is the boost or cut at intensity 1; after
/// <see cref="DescriptorMoves.Scaled"/> it is the actual change to make.
/// </summary>
public sealed record EqMove(EqMoveType Type, double FrequencyHz, double GainDb, double Q)
{
    public EqMove Scaled(double factor) => this with { GainDb = GainDb * factor };
}
