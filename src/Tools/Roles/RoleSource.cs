namespace Mixwright.Tools.Roles;

/// <summary>Where a stem's role came from, so the tools can say how sure they are.</summary>
public enum RoleSource
{
    /// <summary>Nothing recognisable in the name and no usable audio.</summary>
    None,
    FileName,
    Audio,
    /// <summary>The user said so.</summary>
    User,
}

public static class RoleSources
{
    public static string WireName(this RoleSource source) => source switch
    {
        RoleSource.FileName => "file_name",
        RoleSource.Audio => "audio",
        RoleSource.User => "user",
        _ => "none",
    };

    public static RoleSource Parse(string? wire) => wire switch
    {
        "file_name" => RoleSource.FileName,
        "audio" => RoleSource.Audio,
        "user" => RoleSource.User,
        _ => RoleSource.None,
    };
}
