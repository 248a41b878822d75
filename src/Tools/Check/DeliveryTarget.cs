using System.Globalization;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Check;

/// <summary>Where the master is going: its integrated loudness and the true peak it must stay under.</summary>
public sealed record DeliveryTarget(string Id, string Description, double Lufs, double MaxTruePeakDbtp)
{
    /// <summary>
    /// The usual delivery targets. Streaming -14 LUFS / -1 dBTP is what Spotify and YouTube normalise to; Apple Music
    /// and Apple's podcast guidance use -16 LUFS / -1 dBTP; -19 LUFS is the quieter podcast level some hosts ask for
    /// (mono speech); broadcast is EBU R128: -23 LUFS with a -1 dBTP maximum.
    /// </summary>
    public static IReadOnlyList<DeliveryTarget> Known { get; } =
    [
        new("streaming", "streaming (Spotify, YouTube)", -14, -1),
        new("apple", "Apple Music", -16, -1),
        new("podcast", "podcast", -16, -1),
        new("podcast-quiet", "podcast, quiet", -19, -1),
        new("broadcast", "broadcast, EBU R128", -23, -1),
    ];

    public static DeliveryTarget Default => Known[0];

    /// <summary>A known name ("streaming", "apple", "podcast", "podcast-quiet", "broadcast", "r128") or a LUFS number such as "-14".</summary>
    public static DeliveryTarget Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default;
        string t = text.Trim().ToLowerInvariant();
        if (t is "r128" or "ebu" or "ebu-r128") t = "broadcast";
        if (t is "spotify" or "youtube") t = "streaming";
        var known = Known.FirstOrDefault(k => k.Id == t);
        if (known is not null) return known;
        string number = t.EndsWith("lufs", StringComparison.Ordinal) ? t[..^4].Trim() : t;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double lufs) && ConsoleRanges.LoudnessTargetLufs.Contains(lufs))
            return new DeliveryTarget(lufs.ToString("0.#", CultureInfo.InvariantCulture) + " LUFS", $"{lufs.ToString("0.#", CultureInfo.InvariantCulture)} LUFS", lufs, -1);
        throw new SessionException($"Unknown loudness target \"{Text.DisplayText.Clean(text)}\": use streaming (-14 LUFS), apple (-16), podcast (-16), podcast-quiet (-19), broadcast (EBU R128, -23) or a number of LUFS within {ConsoleRanges.LoudnessTargetLufs.Describe()}.");
    }
}
