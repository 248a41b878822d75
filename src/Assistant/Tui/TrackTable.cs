using System.Globalization;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using Terminal.Gui.Views;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// The tracks pane's rows: one per track and the master last. Each column is also a parameter, so a
/// selected cell names both a track and the setting `?` asks about. Built whole from the desk on the UI
/// thread; the table view only reads it.
/// </summary>
public sealed class TrackTable : ITableSource
{
    public const int MeterWidth = 8;
    public const int RoleColumn = 1;
    public const int EqColumn = 4;

    private static readonly string[] Names = ["Track", "Role", "Gain", "Pan", "EQ", "Comp GR", "M", "S", "Level LUFS"];
    // The parameter each column stands for, in ParameterCatalog's loose words; the master has no pan, role or mute.
    private static readonly string[] TrackParameters = ["gain", "gain", "gain", "pan", "eq", "compressor", "mute", "solo", "gain"];
    private static readonly string[] MasterParameters = ["output gain", "output gain", "output gain", "output gain", "eq", "compressor", "output gain", "output gain", "loudness target"];

    private readonly List<(MixTarget Target, string[] Cells)> _rows;

    private TrackTable(List<(MixTarget, string[])> rows) => _rows = rows;

    public static TrackTable From(MixingDesk desk)
    {
        var session = desk.Session;
        var console = session.Console;
        var render = desk.LastRender;
        var rows = new List<(MixTarget, string[])>();
        foreach (var stem in session.Stems)
        {
            var t = console.Track(stem.Name);
            string comp = !t.Compressor.Enabled ? "off"
                : render is not null && render.TrackGainReductionDb.TryGetValue(stem.Name, out double gr) ? "-" + gr.ToString("0.0", CultureInfo.InvariantCulture)
                : "on";
            string level = desk.StemAnalyses.TryGetValue(stem.Name, out var a) && !a.IsSilent
                ? LevelMeter.Labelled(a.IntegratedLufs + t.GainDb, a.TruePeakDbtp + t.GainDb, MeterWidth)
                : desk.StemAnalyses.ContainsKey(stem.Name) ? "silent" : "not analysed";
            rows.Add((MixTarget.ForTrack(stem.Name),
            [
                DisplayText.Clean(stem.Name, 24), stem.Role.Words(), ConsoleText.Gain(t.GainDb), ConsoleText.Pan(t.Pan),
                ConsoleText.Eq(t.Eq, t.HighPass), comp, t.Mute ? "M" : "", t.Solo ? "S" : "", t.Mute ? "muted" : level,
            ]));
        }
        var m = console.Master;
        string masterComp = (m.Compressor.Enabled, render) switch
        {
            (true, not null) => "-" + render.MasterGainReductionDb.ToString("0.0", CultureInfo.InvariantCulture),
            (true, null) => "on",
            _ => "off",
        };
        // The limiter is the master's last compressor: its deepest reduction belongs in the same cell.
        if (m.Limiter.Enabled)
        {
            string limiter = render is null ? "lim on" : "lim -" + render.LimiterGainReductionDb.ToString("0.0", CultureInfo.InvariantCulture);
            masterComp = m.Compressor.Enabled ? masterComp + " " + limiter : limiter;
        }
        string masterLevel = render is null ? "render: F5" : LevelMeter.Labelled(render.Mix.IntegratedLufs, render.Mix.TruePeakDbtp, MeterWidth);
        rows.Add((MixTarget.Master, ["MASTER", "bus", ConsoleText.Gain(m.OutputGainDb), "", ConsoleText.Eq(m.Eq, null), masterComp, "", "", masterLevel]));
        return new TrackTable(rows);
    }

    public int Rows => _rows.Count;
    public int Columns => Names.Length;
    public string[] ColumnNames => Names;
    public object this[int row, int col] => _rows[row].Cells[col];

    public MixTarget TargetAt(int row) => _rows[Math.Clamp(row, 0, _rows.Count - 1)].Target;

    /// <summary>The row of a track by name, or -1.</summary>
    public int RowOf(string track) => _rows.FindIndex(r => r.Target.Scope == TargetScope.Track && string.Equals(r.Target.Track, track, StringComparison.OrdinalIgnoreCase));

    /// <summary>The loose parameter word for the selected cell, as MixSession.Explain takes it.</summary>
    public string ParameterAt(int row, int col)
    {
        var words = TargetAt(row).Scope == TargetScope.Master ? MasterParameters : TrackParameters;
        return words[Math.Clamp(col, 0, words.Length - 1)];
    }
}
