using System.Globalization;
using Mixwright.Tools.Engine;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// Ten octave bands as vertical bars around a 0 dB line: boosts rise, cuts hang, in half-cell steps. The
/// scale grows in 3 dB steps to fit the largest value, so a 2 dB move on one band is as visible as a 12 dB
/// one would be on its own. With no values it shows <see cref="EmptyText"/> instead.
/// </summary>
public sealed class OctaveBarsView : View
{
    private static readonly string[] BandLabels = ["31", "63", "125", "250", "500", "1k", "2k", "4k", "8k", "16k"];
    private const int ScaleWidth = 4;

    private IReadOnlyList<double?>? _values;

    public OctaveBarsView()
    {
        CanFocus = false;
    }

    /// <summary>Shown when there is nothing to plot, e.g. "no reference yet".</summary>
    public string EmptyText { get; set; } = "";

    /// <summary>One value per octave band (31 Hz .. 16 kHz); null bands are drawn as "?".</summary>
    public void SetValues(IReadOnlyList<double?>? values)
    {
        if (values is not null && values.Count != OctaveBands.Labels.Count)
            throw new ArgumentException($"OctaveBarsView needs {OctaveBands.Labels.Count} band values (got {values.Count}).", nameof(values));
        _values = values;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttributeForRole(VisualRole.Normal);
        int width = Viewport.Width, height = Viewport.Height;
        if (width <= ScaleWidth || height < 3) return true;
        if (_values is null)
        {
            int row = 0;
            foreach (string line in ChatLog.Wrap(EmptyText, width).Take(height)) Put(0, row++, line);
            return true;
        }

        int column = Math.Max(2, Math.Min(5, (width - ScaleWidth) / BandLabels.Length));
        int barRows = height - 1;
        int zero = barRows / 2;
        int up = zero, down = barRows - zero - 1;
        double largest = _values.OfType<double>().Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        double scale = Math.Max(3, Math.Ceiling(largest / 3) * 3);
        // Labels need a gap between them; when columns are too narrow every other band is labelled.
        int labelEvery = BandLabels.Max(l => l.Length) < column ? 1 : 2;

        Put(0, 0, "+" + scale.ToString("0", CultureInfo.InvariantCulture));
        Put(0, zero, " 0");
        if (down > 0) Put(0, barRows - 1, "-" + scale.ToString("0", CultureInfo.InvariantCulture));
        for (int band = 0; band < BandLabels.Length; band++)
        {
            int x = ScaleWidth + band * column;
            int barWidth = Math.Max(1, column - 1);
            double? value = _values[band];
            for (int i = 0; i < barWidth; i++) Put(x + i, zero, "─");
            if (value is not double v || !double.IsFinite(v))
            {
                Put(x, zero, "?");
            }
            else if (v > 0)
            {
                Fill(x, barWidth, zero - 1, -1, HalfCells(v, scale, up), '▄');
            }
            else if (v < 0)
            {
                Fill(x, barWidth, zero + 1, +1, HalfCells(-v, scale, down), '▀');
            }
            if (band % labelEvery == 0) Put(x, barRows, BandLabels[band]);
        }
        return true;
    }

    /// <summary>How many half cells a value fills when <paramref name="scale"/> dB spans <paramref name="rows"/> rows.</summary>
    private static int HalfCells(double magnitude, double scale, int rows) =>
        rows <= 0 ? 0 : (int)Math.Round(Math.Min(1, magnitude / scale) * rows * 2);

    /// <summary>Fills whole cells away from the zero line, then a half cell (<paramref name="half"/>) at the tip.</summary>
    private void Fill(int x, int width, int firstRow, int step, int halfCells, char half)
    {
        int row = firstRow;
        for (int n = halfCells; n > 0; n -= 2, row += step)
        {
            string cell = new(n >= 2 ? '█' : half, width);
            Put(x, row, cell);
        }
    }

    private void Put(int x, int y, string text)
    {
        if (y < 0 || y >= Viewport.Height || x >= Viewport.Width) return;
        Move(x, y);
        AddStr(text.Length > Viewport.Width - x ? text[..(Viewport.Width - x)] : text);
    }
}
