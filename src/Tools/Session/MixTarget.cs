namespace Mixwright.Tools.Session;

public enum TargetScope { Track, Master, Reverb }

/// <summary>What a parameter belongs to: one track's strip, the master bus or the shared reverb.</summary>
public readonly record struct MixTarget(TargetScope Scope, string? Track)
{
    public static MixTarget Master { get; } = new(TargetScope.Master, null);
    public static MixTarget Reverb { get; } = new(TargetScope.Reverb, null);
    public static MixTarget ForTrack(string name) => new(TargetScope.Track, name);

    public string ScopeWireName => Scope switch
    {
        TargetScope.Master => "master",
        TargetScope.Reverb => "reverb",
        _ => "track",
    };

    public static TargetScope ParseScope(string? wire) => wire switch
    {
        "master" => TargetScope.Master,
        "reverb" => TargetScope.Reverb,
        "track" or null => TargetScope.Track,
        _ => throw new SessionException($"Unknown target \"{wire}\": expected track, master or reverb."),
    };

    public override string ToString() => Scope switch
    {
        TargetScope.Master => "master",
        TargetScope.Reverb => "reverb bus",
        _ => Track ?? "",
    };
}
