namespace Mixwright.Assistant.Agent;

/// <summary>A session track as the interpreter sees it: its name and the role the session guessed (may be null).</summary>
public sealed record TrackInfo(string Name, string? Role = null);
