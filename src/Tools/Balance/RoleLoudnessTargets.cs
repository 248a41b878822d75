using Mixwright.Tools.Roles;
using static Mixwright.Tools.Roles.StemRole;

namespace Mixwright.Tools.Balance;

/// <summary>One role's place in a first static mix, relative to the lead vocal, with the reason in words.</summary>
public sealed record RoleLoudnessTarget(StemRole Role, double RelativeLu, string Reason);

/// <summary>
/// Where each role sits in loudness relative to the anchor (the lead vocal), for a first static balance.
///
/// Source and rationale: these are starting points in the spirit of a "static mix" as mixing texts teach it
/// and as iZotope Neutron's Mix Assistant does it: pick a focus (in a song, the lead vocal), set it, then
/// bring everything else in below it, rhythm section first. The numbers are hand-set from that practice —
/// kick, snare and bass a few LU under the voice so they carry the groove without covering words;
/// harmonic beds (guitars, keys, piano) further down; supporting layers (backing vocals, pads, strings)
/// further still; overheads, percussion and effects as seasoning. They are not measured from a corpus, and
/// the balancer says so in every rationale; the user adjusts from there.
///
/// Loudness is integrated LUFS of each raw stem, so a sparse part (a kick with silence between hits) is
/// measured only where it plays, thanks to the R128 gate. When several tracks share a role, each is set
/// 10·log10(n) lower so the group together lands on the role's target.
/// </summary>
public static class RoleLoudnessTargets
{
    public static IReadOnlyList<RoleLoudnessTarget> Table { get; } =
    [
        new(Lead, 0, "the lead vocal is the anchor everything else is balanced around"),
        new(Vocals, 0, "the vocal is the anchor everything else is balanced around"),
        new(Kick, -4, "the kick drives the groove a few LU under the voice without covering the words"),
        new(Snare, -5, "the snare marks the backbeat just under the voice"),
        new(Drums, -3, "the kit carries the rhythm just under the voice"),
        new(Bass, -4, "the bass holds the low end under the voice, level with the kick"),
        new(Hats, -12, "hi-hats add time-keeping detail; loud hats turn harsh quickly"),
        new(Overheads, -9, "overheads give the kit its cymbals and space behind the close mics"),
        new(Percussion, -11, "percussion is seasoning that should be felt more than heard"),
        new(ElectricGuitar, -6, "guitars fill the middle of the spectrum below the voice"),
        new(AcousticGuitar, -6, "the acoustic guitar strums under the voice"),
        new(Piano, -6, "the piano supports the harmony under the voice"),
        new(Keys, -7, "keys support the harmony below the guitars and voice"),
        new(Synth, -7, "the synth part sits in the bed below the voice"),
        new(BackingVocals, -8, "backing vocals support the lead without competing with it"),
        new(Strings, -9, "strings add width and lift behind the main parts"),
        new(Brass, -7, "horns punctuate the arrangement just under the voice"),
        new(Pad, -11, "pads glue the arrangement from the background"),
        new(Fx, -14, "effects and transitions sit well in the background"),
        new(Other, -7, "an unidentified part goes in the bed below the voice until we know what it is"),
        // Beyond the rock band, same practice: the part the ear follows is the anchor, everything else placed by how
        // much of the foreground it takes. A lead instrument is a voice without words, so it takes the voice's place.
        new(LeadInstrument, 0, "the lead instrument carries the melody the way a voice does, so the mix is balanced around it"),
        // A solo bowed line sings over the bed (Western or Chinese orchestral practice seats a concertmaster or an
        // erhu solo in front of the section): nearer the front than a string section.
        new(BowedStrings, -5, "a bowed line sings above the bed, just under the lead"),
        // Koto, oud, kora or harp lines are melodic and sparse, with fast-decaying notes that get lost behind sustained
        // parts: they sit higher than a strummed acoustic guitar (-6) would.
        new(PluckedStrings, -4, "plucked notes decay fast, so a koto, oud or kora line sits near the front to keep its attack and its notes"),
        // Woodwinds double or answer the melody in most arrangements: a little under the lead, above the bed.
        new(Woodwinds, -6, "woodwinds answer or double the melody a little under the lead"),
        // Hand drums are often the groove itself (tabla, djembe, darbuka carry the rhythm in much of the world's music),
        // so they sit where a kit would, not where shakers and tambourines do (-11).
        new(HandPercussion, -5, "hand drums often carry the groove itself, so they sit where a drum kit would, just under the lead"),
    ];

    /// <summary>When no vocal is present, the first role found here becomes the anchor.</summary>
    public static IReadOnlyList<StemRole> AnchorPreference { get; } =
    [
        Lead, Vocals, LeadInstrument, Drums, Kick, Snare, HandPercussion, Bass, Piano, PluckedStrings, BowedStrings, Woodwinds,
        ElectricGuitar, AcousticGuitar, Keys, Synth, Brass, Strings, BackingVocals, Pad, Percussion, Overheads, Hats, Fx, Other,
    ];

    public static RoleLoudnessTarget For(StemRole role) => Table.First(t => t.Role == role);
}
