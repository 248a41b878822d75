using System.Globalization;
using System.Text;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// A horizontal level bar drawn in text: loudness fills the bar in eighths of a cell, the peak is a tick
/// further along, and an unused cell is a dot, so "louder" is visible at a glance down a column of tracks.
/// </summary>
public static class LevelMeter
{
    /// <summary>The bottom of the scale; quieter reads as an empty bar.</summary>
    public const double FloorDb = -60;

    private static readonly char[] Eighths = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    private const char Full = '█';
    private const char Empty = '·';
    // Heavier than the table's cell lines so the peak never reads as a column border.
    private const char PeakTick = '┃';

    /// <summary>Exactly <paramref name="width"/> characters; full scale is 0 dB.</summary>
    public static string Bar(double loudnessDb, double? peakDb, int width)
    {
        if (width <= 0) return "";
        var cells = new char[width];
        Array.Fill(cells, Empty);
        int eighths = (int)Math.Round(Fraction(loudnessDb) * width * 8);
        int full = Math.Min(width, eighths / 8);
        for (int i = 0; i < full; i++) cells[i] = Full;
        if (full < width && eighths % 8 != 0) cells[full] = Eighths[eighths % 8];
        if (peakDb is double peak)
        {
            int at = Math.Min(width - 1, (int)Math.Floor(Fraction(peak) * width));
            if (at >= full && Fraction(peak) > 0) cells[at] = PeakTick;
        }
        return new string(cells);
    }

    /// <summary>The bar followed by the loudness in one decimal, e.g. "██████▌···┃·· -18.2".</summary>
    public static string Labelled(double loudnessDb, double? peakDb, int width) =>
        Bar(loudnessDb, peakDb, width) + " " + Db(loudnessDb);

    public static string Db(double value) =>
        double.IsFinite(value) ? value.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(5) : "  -∞ ";

    private static double Fraction(double db) =>
        double.IsFinite(db) ? Math.Clamp((db - FloorDb) / -FloorDb, 0, 1) : 0;
}
