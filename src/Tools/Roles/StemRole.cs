namespace Mixwright.Tools.Roles;

/// <summary>
/// What a stem does in the mix. These are mixing roles, not instrument families: a sax section sits where the
/// horns do, a hand drum where percussion does but nearer the front. New members go at the end: the order is the
/// tie-break of nothing and the wire names (<see cref="StemRoles"/>) are what files store.
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
    /// <summary>A melody instrument that leads the way a voice does: an erhu, sitar or shakuhachi line, a trumpet or guitar solo.</summary>
    LeadInstrument,
    /// <summary>A bowed instrument playing its own part: violin, cello, erhu, sarangi, fiddle (a section is <see cref="Strings"/>).</summary>
    BowedStrings,
    /// <summary>Plucked strings that carry lines rather than strums: koto, oud, kora, bouzouki, harp, sitar, guzheng, pipa.</summary>
    PluckedStrings,
    /// <summary>Flutes, reeds and double reeds: flute, clarinet, oboe, bassoon, shakuhachi, bansuri, dizi, ney, duduk.</summary>
    Woodwinds,
    /// <summary>Hand drums: tabla, djembe, darbuka, conga, bongo, cajón, frame drum, udu.</summary>
    HandPercussion,
}
