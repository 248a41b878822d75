namespace Mixwright.Embeddings.Roles;

/// <summary>What a role phrase points at.</summary>
public enum RoleWordTarget { Role, Family, Group, Mix, AllTracks }

/// <summary>One meaning of a role phrase: the role, family or group it names and whether it was plural.</summary>
public sealed record RoleWordHit(RoleWordTarget Target, string Id, bool IsPlural, RoleGroup? Group = null);
