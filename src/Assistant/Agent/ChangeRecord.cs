namespace Mixwright.Assistant.Agent;

/// <summary>
/// A change the conversation refers back to: the calls that made it and the request in the user's words.
/// A proposal another back-end made is known by its tracks only (<paramref name="KnownTracks"/>).
/// </summary>
public sealed record ChangeRecord(IReadOnlyList<ToolCall> Calls, string Request, IReadOnlyList<string>? KnownTracks = null)
{
    /// <summary>The tracks the change touched, in order of first appearance ("master" for the master bus).</summary>
    public IReadOnlyList<string> Tracks => KnownTracks ??
        Calls.Select(c => c.Track ?? (c.Name is ToolNames.SetMaster or ToolNames.SetReverb ? ToolCallShapes.MixTarget : null))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
