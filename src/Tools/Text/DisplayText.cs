using System.Globalization;
using System.Text;

namespace Mixwright.Tools.Text;

/// <summary>
/// Stem and file names are data typed by strangers: they may hold control characters, terminal escapes,
/// bidi overrides or text that reads like instructions. Everything the tools print goes through here so a
/// name can never redraw the terminal, reorder a line or pass for a message of its own.
/// </summary>
public static class DisplayText
{
    public const int MaxNameLength = 120;

    /// <summary>A number the way explanations print it: invariant culture, at most one decimal.</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Control and format characters become spaces, runs of whitespace collapse, long names are cut.</summary>
    public static string Clean(string? text, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        bool lastWasSpace = false;
        foreach (Rune r in text.EnumerateRunes())
        {
            bool blank = Rune.IsWhiteSpace(r) || IsInvisibleOrControl(r);
            if (blank)
            {
                if (!lastWasSpace && sb.Length > 0) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(r.ToString());
            lastWasSpace = false;
        }
        string cleaned = sb.ToString().TrimEnd();
        if (cleaned.Length > maxLength) cleaned = cleaned[..(maxLength - 1)].TrimEnd() + "…";
        return cleaned;
    }

    /// <summary>A cleaned name in double quotes, for sentences that mention it.</summary>
    public static string Quote(string? text) => "\"" + Clean(text).Replace('"', '\'') + "\"";

    private static bool IsInvisibleOrControl(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => true,
        _ => r == Rune.ReplacementChar,
    };
}
