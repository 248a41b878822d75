using Mixwright.Dsp.Mixing;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Plugin;

/// <summary>What a reference matcher is asked: bring the mix (or one track) closer to a reference recording.</summary>
public sealed record ReferenceMatchRequest(
    ReferenceClip Reference,
    string ReferencePath,
    MixTarget Target,
    MixDefinition Mix,
    string? UserWords);

/// <summary>The changes that move the mix toward the reference, each with its rationale (source: reference match).</summary>
public sealed record ReferenceMatchResult(string Summary, IReadOnlyList<ChangeRequest> Changes);

/// <summary>Compares the mix with a reference and proposes changes. Supplied by the model layer.</summary>
public interface IReferenceMatcher
{
    ReferenceMatchResult Match(ReferenceMatchRequest request);
}
