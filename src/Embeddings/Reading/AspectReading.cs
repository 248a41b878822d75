namespace Mixwright.Embeddings.Reading;

/// <summary>The reader's calibrated probabilities for one aspect's direction.</summary>
public sealed record AspectReading(ReaderAspect Aspect, float None, float Plus, float Minus, float Center)
{
    public float Probability(AspectDirection direction) => direction switch
    {
        AspectDirection.Plus => Plus,
        AspectDirection.Minus => Minus,
        AspectDirection.Center => Center,
        _ => None,
    };

    /// <summary>The most probable direction.</summary>
    public AspectDirection Direction
    {
        get
        {
            var best = AspectDirection.None;
            foreach (var d in (ReadOnlySpan<AspectDirection>)[AspectDirection.Plus, AspectDirection.Minus, AspectDirection.Center])
                if (Probability(d) > Probability(best)) best = d;
            return best;
        }
    }

    /// <summary>The probability of moving at all, in either direction.</summary>
    public float Moves => Plus + Minus + Center;

    public override string ToString() => $"{Aspect} {Direction} ({Probability(Direction):0.00})";
}
