using System.Collections.Immutable;

namespace Mixwright.Embeddings.Descriptors;

/// <summary>
/// What a descriptor does on a channel strip, in console terms. Numbers are per unit of intensity in the
/// data and absolute after <see cref="Scaled"/>.
/// </summary>
/// <param name="Eq">EQ moves, gains in dB.</param>
/// <param name="CompressionSteps">+1 is one clear step more compression (lower threshold / higher ratio), -1 one step less.</param>
/// <param name="ReverbSendDb">Change of the reverb send, dB.</param>
/// <param name="Width">Change of mid/side width (1 = as recorded; see ConsoleRanges.Width).</param>
/// <param name="GainDb">Change of the channel gain, dB.</param>
public sealed record DescriptorMoves(
    ImmutableArray<EqMove> Eq,
    double CompressionSteps,
    double ReverbSendDb,
    double Width,
    double GainDb)
{
    public static DescriptorMoves None { get; } = new([], 0, 0, 0, 0);

    public bool IsEmpty => Eq.IsEmpty && CompressionSteps == 0 && ReverbSendDb == 0 && Width == 0 && GainDb == 0;

    /// <summary>Every move multiplied by <paramref name="factor"/>: intensity, and -intensity for "less X".</summary>
    public DescriptorMoves Scaled(double factor) => new(
        Eq.Select(m => m.Scaled(factor)).ToImmutableArray(),
        CompressionSteps * factor,
        ReverbSendDb * factor,
        Width * factor,
        GainDb * factor);

    public bool Equals(DescriptorMoves? other) =>
        other is not null && Eq.SequenceEqual(other.Eq) && CompressionSteps == other.CompressionSteps
        && ReverbSendDb == other.ReverbSendDb && Width == other.Width && GainDb == other.GainDb;

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var m in Eq) h.Add(m);
        h.Add(CompressionSteps);
        h.Add(ReverbSendDb);
        h.Add(Width);
        h.Add(GainDb);
        return h.ToHashCode();
    }
}
