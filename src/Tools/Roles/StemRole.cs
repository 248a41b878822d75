namespace Mixwright.Tools.Roles;

/// <summary>
/// What a stem does in the mix. These are mixing roles, not instrument families: a sitar is played like an
/// acoustic guitar and sits where one would, a sax section sits where the horns do.
/// </summary>
public enum StemRole
{
    Vocals,
    /// <summary>The lead vocal, when the name says so.</summary>
    Lead,
    BackingVocals,
    Kick,
    Snare,
    Hats,
    Overheads,
    /// <summary>A whole kit, toms, room mics or drum loops.</summary>
    Drums,
    Percussion,
    Bass,
    ElectricGuitar,
    AcousticGuitar,
    Piano,
    Keys,
    Synth,
    Pad,
    Strings,
    Brass,
    Fx,
    Other,
}
