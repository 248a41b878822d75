namespace Mixwright.Assistant.Agent;

/// <summary>A change the conversation refers back to: the calls that made it and the request in the user's words.</summary>
public sealed record ChangeRecord(IReadOnlyList<ToolCall> Calls, string Request)
{
    /// <summary>The tracks the change touched, in order of first appearance ("mix" for the master).</summary>
    public IReadOnlyList<string> Tracks =>
        Calls.Select(c => c.Track ?? (c.Name is ToolNames.SetMaster or ToolNames.SetReverb ? ToolCallShapes.MixTarget : null))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
