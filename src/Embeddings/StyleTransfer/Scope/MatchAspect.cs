namespace Mixwright.Embeddings.StyleTransfer.Scope;

/// <summary>The parts of a console a match may set; a match "only of the EQ" keeps every other part as it is.</summary>
[Flags]
public enum MatchAspect
{
    None = 0,
    /// <summary>Track gains (and muting a stem the reference lacks).</summary>
    Levels = 1,
    /// <summary>Track pans and stereo widths.</summary>
    PanWidth = 2,
    /// <summary>Track EQ bands.</summary>
    Eq = 4,
    /// <summary>Track and master compressors.</summary>
    Dynamics = 8,
    /// <summary>Reverb sends and the reverb they feed.</summary>
    Space = 16,
    /// <summary>The master's EQ and output gain: the tonal balance and loudness of the whole.</summary>
    MasterTone = 32,
    All = Levels | PanWidth | Eq | Dynamics | Space | MasterTone,
}

/// <summary>Names of the aspects as users and the CLI write them.</summary>
public static class MatchAspects
{
    /// <summary>Wire names in a fixed order (the CLI's --only, the tool's only).</summary>
    public static IReadOnlyList<(string Name, MatchAspect Aspect)> Names { get; } =
    [
        ("levels", MatchAspect.Levels), ("pan", MatchAspect.PanWidth), ("eq", MatchAspect.Eq),
        ("dynamics", MatchAspect.Dynamics), ("space", MatchAspect.Space), ("master", MatchAspect.MasterTone),
    ];

    private static readonly Dictionary<string, MatchAspect> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["levels"] = MatchAspect.Levels, ["level"] = MatchAspect.Levels, ["gain"] = MatchAspect.Levels, ["gains"] = MatchAspect.Levels,
        ["balance"] = MatchAspect.Levels, ["volume"] = MatchAspect.Levels, ["volumes"] = MatchAspect.Levels, ["faders"] = MatchAspect.Levels,
        ["pan"] = MatchAspect.PanWidth, ["pans"] = MatchAspect.PanWidth, ["panning"] = MatchAspect.PanWidth, ["width"] = MatchAspect.PanWidth,
        ["stereo"] = MatchAspect.PanWidth, ["pan/width"] = MatchAspect.PanWidth, ["image"] = MatchAspect.PanWidth,
        ["eq"] = MatchAspect.Eq, ["eqs"] = MatchAspect.Eq, ["equalizer"] = MatchAspect.Eq, ["equaliser"] = MatchAspect.Eq, ["equalization"] = MatchAspect.Eq,
        ["dynamics"] = MatchAspect.Dynamics, ["compression"] = MatchAspect.Dynamics, ["compressor"] = MatchAspect.Dynamics, ["compressors"] = MatchAspect.Dynamics,
        ["space"] = MatchAspect.Space, ["reverb"] = MatchAspect.Space, ["sends"] = MatchAspect.Space, ["ambience"] = MatchAspect.Space, ["room"] = MatchAspect.Space,
        ["master"] = MatchAspect.MasterTone, ["master-tone"] = MatchAspect.MasterTone, ["master_tone"] = MatchAspect.MasterTone, ["tone"] = MatchAspect.MasterTone,
        ["mastering"] = MatchAspect.MasterTone, ["loudness"] = MatchAspect.MasterTone,
        ["all"] = MatchAspect.All, ["everything"] = MatchAspect.All,
    };

    /// <summary>Reads one word; null when it names no aspect.</summary>
    public static MatchAspect? Word(string word) => Words.TryGetValue(word.Trim(), out var a) ? a : null;

    /// <summary>"eq,levels" (commas, spaces or plus signs); empty means all. An unknown word is an error that lists the known ones.</summary>
    public static MatchAspect Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return MatchAspect.All;
        var result = MatchAspect.None;
        foreach (string part in text.Split([',', ' ', '+', ';'], StringSplitOptions.RemoveEmptyEntries))
            result |= Word(part) ?? throw new ArgumentException(
                $"Unknown match aspect \"{part}\": expected {string.Join(", ", Names.Select(n => n.Name))} (or all).");
        return result;
    }

    /// <summary>"levels, eq" for the aspects set; "everything" for all.</summary>
    public static string Describe(MatchAspect aspects) => aspects == MatchAspect.All ? "everything"
        : string.Join(", ", Names.Where(n => aspects.HasFlag(n.Aspect)).Select(n => n.Aspect switch
        {
            MatchAspect.PanWidth => "pan/width",
            MatchAspect.MasterTone => "master tone",
            _ => n.Name,
        }));
}
