namespace Mixwright.Tools.Roles;

/// <summary>Names of the roles as they appear in session files, JSON results and sentences.</summary>
public static class StemRoles
{
    private static readonly Dictionary<StemRole, (string Wire, string Words)> Names = new()
    {
        [StemRole.Vocals] = ("vocals", "vocal"),
        [StemRole.Lead] = ("lead_vocal", "lead vocal"),
        [StemRole.BackingVocals] = ("backing_vocals", "backing vocals"),
        [StemRole.Kick] = ("kick", "kick"),
        [StemRole.Snare] = ("snare", "snare"),
        [StemRole.Hats] = ("hats", "hi-hats"),
        [StemRole.Overheads] = ("overheads", "overheads"),
        [StemRole.Drums] = ("drums", "drums"),
        [StemRole.Percussion] = ("percussion", "percussion"),
        [StemRole.Bass] = ("bass", "bass"),
        [StemRole.ElectricGuitar] = ("electric_guitar", "electric guitar"),
        [StemRole.AcousticGuitar] = ("acoustic_guitar", "acoustic guitar"),
        [StemRole.Piano] = ("piano", "piano"),
        [StemRole.Keys] = ("keys", "keys"),
        [StemRole.Synth] = ("synth", "synth"),
        [StemRole.Pad] = ("pad", "pad"),
        [StemRole.Strings] = ("strings", "strings"),
        [StemRole.Brass] = ("brass", "brass"),
        [StemRole.Fx] = ("fx", "effects"),
        [StemRole.Other] = ("other", "other"),
        [StemRole.LeadInstrument] = ("lead_instrument", "lead instrument"),
        [StemRole.BowedStrings] = ("bowed_strings", "bowed strings"),
        [StemRole.PluckedStrings] = ("plucked_strings", "plucked strings"),
        [StemRole.Woodwinds] = ("woodwinds", "woodwinds"),
        [StemRole.HandPercussion] = ("hand_percussion", "hand percussion"),
    };

    /// <summary>Ids older session files use for a role that has since been renamed: read, never written.</summary>
    private static readonly Dictionary<string, StemRole> OldIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lead"] = StemRole.Lead,
    };

    private static readonly Dictionary<string, StemRole> ByWire =
        Names.ToDictionary(kv => kv.Value.Wire, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The snake_case name used in files and JSON, e.g. "backing_vocals".</summary>
    public static string WireName(this StemRole role) => Names[role].Wire;

    /// <summary>Words for a sentence, e.g. "lead vocal".</summary>
    public static string Words(this StemRole role) => Names[role].Words;

    public static bool TryParse(string? wire, out StemRole role)
    {
        role = StemRole.Other;
        if (wire is null) return false;
        return ByWire.TryGetValue(wire.Trim(), out role) || OldIds.TryGetValue(wire.Trim(), out role);
    }
}
