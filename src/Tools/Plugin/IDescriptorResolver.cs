using Mixwright.Tools.Engine;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Plugin;

/// <summary>
/// What a descriptor resolver is asked: a word such as "warm" for a track or the whole mix (the master),
/// how much of it (<see cref="Intensity"/>, 0.05 to 1), whether less of it is wanted (<see cref="Negate"/>),
/// and which reading of an ambiguous word (<see cref="Variant"/>).
/// </summary>
public sealed record DescriptorRequest(
    string Word,
    MixTarget Target,
    StemRole? Role,
    ConsoleState Console,
    AnalysisSummary? Analysis,
    string? UserWords)
{
    public const double DefaultIntensity = 0.6;
    public const double MinIntensity = 0.05;

    public double Intensity { get; init; } = DefaultIntensity;
    public bool Negate { get; init; }
    public string? Variant { get; init; }
}

/// <summary>The changes a descriptor stands for, each with its rationale (source: descriptor).</summary>
public sealed record DescriptorResolution(string Summary, IReadOnlyList<ChangeRequest> Changes);

/// <summary>
/// Turns a descriptor ("warm", "bright", "punchy", "airy", "muddy") into parameter changes. Supplied by the
/// language layer; the tools only turn its answer into a proposal. Throws a <see cref="SessionException"/>
/// for a word it does not know, naming the words it does.
/// </summary>
public interface IDescriptorResolver
{
    DescriptorResolution Resolve(DescriptorRequest request);
}
