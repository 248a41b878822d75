using Mixwright.Tools.Roles;

namespace Mixwright.Tools.Session;

/// <summary>
/// One stem of the session. <see cref="File"/> is relative to the session file, with forward slashes, so a
/// session folder can move as a whole. The name is the file name, cleaned: data, never instructions.
/// </summary>
public sealed record Stem(string Name, string File, StemRole Role, RoleSource RoleSource, string RoleEvidence, StemFingerprint? Fingerprint);
