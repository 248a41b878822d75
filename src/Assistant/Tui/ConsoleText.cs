using System.Globalization;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Assistant.Tui;

/// <summary>Compact text for console settings in table cells: "+3.0", "L30", "+3@1k −2@250 HP80".</summary>
public static class ConsoleText
{
    public static string Gain(double db) => db.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>"C" centre, "L30" 30% left, "R100" hard right.</summary>
    public static string Pan(double pan)
    {
        int percent = (int)Math.Round(Math.Abs(pan) * 100);
        return percent == 0 ? "C" : (pan < 0 ? "L" : "R") + percent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The bands that do something, lowest first, then the high-pass: "flat" when nothing does.</summary>
    public static string Eq(ParametricEqSettings eq, HighPassSettings? highPass)
    {
        var parts = eq.Bands.Where(b => !b.IsFlat).OrderBy(b => b.FrequencyHz)
            .Select(b => b.GainDb.ToString("+0.#;-0.#", CultureInfo.InvariantCulture) + "@" + Hz(b.FrequencyHz))
            .ToList();
        if (highPass is { Enabled: true } hp) parts.Add("HP" + Hz(hp.FrequencyHz));
        return parts.Count == 0 ? "flat" : string.Join(" ", parts);
    }

    /// <summary>"80", "1k", "2.5k".</summary>
    public static string Hz(double hz) => hz >= 1000
        ? (hz / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : hz.ToString("0", CultureInfo.InvariantCulture);
}
