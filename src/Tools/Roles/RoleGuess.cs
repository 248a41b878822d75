namespace Mixwright.Tools.Roles;

/// <summary>A role with the evidence for it, e.g. file name words "lead", "vox".</summary>
public sealed record RoleGuess(StemRole Role, RoleSource Source, string Evidence)
{
    public static RoleGuess Unknown(string evidence) => new(StemRole.Other, RoleSource.None, evidence);
}
