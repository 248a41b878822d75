namespace Mixwright.Embeddings.Roles;

/// <summary>
/// A word for several families at once: "rhythm section" (drums and bass), or "the band" (every family
/// except vocals, given in <see cref="AllButFamilies"/>).
/// </summary>
public sealed record RoleGroup(IReadOnlyList<string> Words, IReadOnlyList<string> Families, IReadOnlyList<string> AllButFamilies)
{
    public bool Includes(string family) =>
        AllButFamilies.Count > 0 ? !AllButFamilies.Contains(family) : Families.Contains(family);
}
