namespace Mixwright.Assistant.Demo;

/// <summary>
/// A small SplitMix64 generator. System.Random's seeded sequence is not promised to stay the same
/// across .NET versions, and the demo must compose the same song from the same seed everywhere.
/// Each part gets its own stream, so changing one part's choices does not reshuffle the others.
/// </summary>
internal sealed class SeededRandom(int seed, int stream)
{
    private ulong _state = unchecked((ulong)(uint)seed * 0x9E37_79B9_7F4A_7C15UL + (ulong)(uint)stream * 0xD1B5_4A32_D192_ED03UL);

    private ulong NextBits()
    {
        ulong z = unchecked(_state += 0x9E37_79B9_7F4A_7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + (int)(NextDouble() * (maxExclusive - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>
    /// Triangular in [-width, width]: small deviations are common and large ones rare, like a
    /// player's timing and touch.
    /// </summary>
    public double Spread(double width) => (NextDouble() + NextDouble() - 1.0) * width;
}
