using System.Collections.Immutable;

namespace Mixwright.Dsp.Parameters;

/// <summary>
/// Six bands: a low shelf, four peaking bands and a high shelf, in that order. The order is part of the
/// contract so "band 2" means the same thing to the agent, the session file and the engine.
/// </summary>
public sealed record ParametricEqSettings
{
    public const int BandCount = 6;

    public ParametricEqSettings(ImmutableArray<EqBand> bands)
    {
        if (bands.IsDefault || bands.Length != BandCount)
            throw new ArgumentException($"The EQ has exactly {BandCount} bands (got {(bands.IsDefault ? 0 : bands.Length)}).");
        for (int i = 0; i < BandCount; i++)
        {
            EqBandType expected = i == 0 ? EqBandType.LowShelf : i == BandCount - 1 ? EqBandType.HighShelf : EqBandType.Peaking;
            if (bands[i].Type != expected)
                throw new ArgumentException($"EQ band {i + 1} must be {expected} (got {bands[i].Type}).");
            bands[i].Validated($"EQ band {i + 1}");
        }
        Bands = bands;
    }

    public ImmutableArray<EqBand> Bands { get; }

    public static ParametricEqSettings Flat { get; } = new(
    [
        new EqBand(EqBandType.LowShelf, 80, 0, 0.707),
        new EqBand(EqBandType.Peaking, 200, 0, 1.0),
        new EqBand(EqBandType.Peaking, 500, 0, 1.0),
        new EqBand(EqBandType.Peaking, 1500, 0, 1.0),
        new EqBand(EqBandType.Peaking, 4000, 0, 1.0),
        new EqBand(EqBandType.HighShelf, 10000, 0, 0.707),
    ]);

    public bool IsFlat => Bands.All(b => b.IsFlat);

    public ParametricEqSettings WithBand(int index, EqBand band)
    {
        if (index < 0 || index >= BandCount)
            throw new ArgumentOutOfRangeException(nameof(index), $"EQ band must be 1 to {BandCount} (got {index + 1}).");
        return new ParametricEqSettings(Bands.SetItem(index, band));
    }

    public bool Equals(ParametricEqSettings? other) => other is not null && Bands.SequenceEqual(other.Bands);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var b in Bands) h.Add(b);
        return h.ToHashCode();
    }
}
