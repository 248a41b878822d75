using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>A resolved target: a track, or the master bus when <see cref="Track"/> is null.</summary>
internal sealed record BoundTarget(TrackProfile? Track)
{
    public static BoundTarget Mix { get; } = new((TrackProfile?)null);
    public bool IsMix => Track is null;
    public string Name => Track?.Name ?? ToolCallShapes.MixTarget;
}
