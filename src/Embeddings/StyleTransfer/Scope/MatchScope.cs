using System.Globalization;

namespace Mixwright.Embeddings.StyleTransfer.Scope;

/// <summary>
/// How much of a match to take: which aspects (<see cref="Aspects"/>), how far from the current console toward
/// the matched one (<see cref="AmountPercent"/>, 0 keeps the console, 100 takes the match), and which tracks
/// (<see cref="Tracks"/>; null for all, and then the master too; a named track alone leaves the master as it is).
/// </summary>
public sealed record MatchScope(MatchAspect Aspects = MatchAspect.All, double AmountPercent = 100, IReadOnlyList<string>? Tracks = null)
{
    public static MatchScope Full { get; } = new();

    public bool IsFull => Aspects == MatchAspect.All && AmountPercent >= 100 && Tracks is null;

    public double Amount => AmountPercent / 100;

    public MatchScope Validated()
    {
        if (!(AmountPercent >= 0 && AmountPercent <= 100))
            throw new ArgumentException($"The match amount must be 0 to 100 % (got {AmountPercent.ToString(CultureInfo.InvariantCulture)}).");
        if (Aspects == MatchAspect.None) throw new ArgumentException("A match needs at least one aspect to set.");
        if (Tracks is { Count: 0 }) throw new ArgumentException("A match limited to tracks needs at least one track name.");
        return this;
    }

    /// <summary>"levels, eq at 50 % on vocal" for summaries; empty for a full match.</summary>
    public string Describe()
    {
        if (IsFull) return "";
        var parts = new List<string>();
        if (Aspects != MatchAspect.All) parts.Add("only " + MatchAspects.Describe(Aspects));
        if (AmountPercent < 100) parts.Add(AmountPercent.ToString("0", CultureInfo.InvariantCulture) + " %");
        if (Tracks is not null) parts.Add("on " + string.Join(", ", Tracks));
        return string.Join(", ", parts);
    }
}
