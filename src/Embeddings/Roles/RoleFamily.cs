namespace Mixwright.Embeddings.Roles;

/// <summary>A family of roles ("drums": kick, snare, hats...) and the words that address the whole family.</summary>
public sealed record RoleFamily(string Id, IReadOnlyList<string> Words, IReadOnlyList<string> Plurals);
