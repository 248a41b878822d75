using Mixwright.Embeddings.Reading;

namespace Mixwright.Assistant.Agent.Reading;

/// <summary>
/// A move the reader understood, worded the way the rules read without fail ("less presence on Kick",
/// "turn the mix up slightly"), so the rules plan it: their defaults per intensity, their ranges, their
/// descriptor moves and their reasons. One phrase per aspect and direction; the tests check each one yields
/// exactly that move.
/// </summary>
internal static class CanonicalRequest
{
    public static string For(string track, ReaderAspect aspect, AspectDirection direction, double intensity)
    {
        string target = track == ToolCallShapes.MixTarget ? "the mix" : track;
        // The rules' intensity words: "slightly" 0.33, unmarked 0.6, "a lot" 1.
        string amount = intensity < 0.45 ? " slightly" : intensity > 0.85 ? " a lot" : "";
        bool plus = direction == AspectDirection.Plus;
        return aspect switch
        {
            ReaderAspect.Gain => $"turn {target} {(plus ? "up" : "down")}{amount}",
            ReaderAspect.Pan => direction switch
            {
                AspectDirection.Center => $"pan {target} center",
                _ => $"pan {target} {(plus ? "right" : "left")}",
            },
            ReaderAspect.Width => $"make {target} {(plus ? "wider" : "narrower")}{amount}",
            ReaderAspect.Compression => $"{(plus ? "more" : "less")} compression on {target}{amount}",
            ReaderAspect.Reverb => $"{(plus ? "more" : "less")} reverb on {target}{amount}",
            _ => $"{(plus ? "more" : "less")} {RegionWord(aspect)} on {target}{amount}",
        };
    }

    /// <summary>The descriptor word of the product's lexicon that names each EQ region.</summary>
    private static string RegionWord(ReaderAspect aspect) => aspect switch
    {
        ReaderAspect.Low => "low end",
        ReaderAspect.LowMid => "low mids",
        ReaderAspect.Mid => "mids",
        ReaderAspect.Presence => "presence",
        ReaderAspect.High => "highs",
        _ => throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "not an EQ region"),
    };

    /// <summary>How a move reads in a reply: "less presence (2-4 kHz)", "pan right", "more compression".</summary>
    public static string Describe(ReaderAspect aspect, AspectDirection direction)
    {
        bool plus = direction == AspectDirection.Plus;
        string more = plus ? "more" : "less";
        return aspect switch
        {
            ReaderAspect.Gain => plus ? "louder" : "quieter",
            ReaderAspect.Pan => direction == AspectDirection.Center ? "pan to the centre" : plus ? "pan right" : "pan left",
            ReaderAspect.Width => plus ? "wider" : "narrower",
            ReaderAspect.Compression => $"{more} compression",
            ReaderAspect.Reverb => $"{more} reverb",
            ReaderAspect.Low => $"{more} low end (60-250 Hz)",
            ReaderAspect.LowMid => $"{more} low mids (250-500 Hz)",
            ReaderAspect.Mid => $"{more} mids (0.5-2 kHz)",
            ReaderAspect.Presence => $"{more} presence (2-4 kHz)",
            ReaderAspect.High => $"{more} highs (4-16 kHz)",
            _ => aspect.ToString(),
        };
    }

    /// <summary>The reader's aspect for an analysis region name (low, lowmid, mid, presence/highmid, high/air).</summary>
    public static ReaderAspect? RegionAspect(string region) => region switch
    {
        "sub" or "low" => ReaderAspect.Low,
        "lowmid" => ReaderAspect.LowMid,
        "mid" => ReaderAspect.Mid,
        "highmid" or "presence" => ReaderAspect.Presence,
        "high" or "air" => ReaderAspect.High,
        _ => null,
    };
}
