using Mixwright.Dsp.Mixing;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Plugin;

/// <summary>What a reference matcher is asked: bring the mix (or one track) closer to a reference recording.</summary>
public sealed record ReferenceMatchRequest(
    ReferenceClip Reference,
    string ReferencePath,
    MixTarget Target,
    MixDefinition Mix,
    string? UserWords)
{
    /// <summary>Aspects to match, comma-separated (levels, pan, eq, dynamics, space, master); empty for all.</summary>
    public string? Only { get; init; }

    /// <summary>How far from the current console toward the match, 0 to 100 %.</summary>
    public double AmountPercent { get; init; } = 100;
}

/// <summary>The changes that move the mix toward the reference, each with its rationale (source: reference match).</summary>
public sealed record ReferenceMatchResult(string Summary, IReadOnlyList<ChangeRequest> Changes);

/// <summary>Compares the mix with a reference and proposes changes. Supplied by the model layer.</summary>
public interface IReferenceMatcher
{
    ReferenceMatchResult Match(ReferenceMatchRequest request);
}
