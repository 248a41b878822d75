namespace Mixwright.Tools.Session;

/// <summary>A reference recording the user named, stored relative to the session file.</summary>
public sealed record ReferenceClip(string Name, string File, int AddedTurn);
