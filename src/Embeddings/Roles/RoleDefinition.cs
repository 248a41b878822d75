namespace Mixwright.Embeddings.Roles;

/// <summary>
/// A track role ("kick", "backing vocals") and the words people use for it. A support role is an
/// accompaniment of its family's lead part: a generic family word prefers the lead.
/// </summary>
public sealed record RoleDefinition(string Id, string Family, bool IsSupport, IReadOnlyList<string> Words, IReadOnlyList<string> Plurals);
