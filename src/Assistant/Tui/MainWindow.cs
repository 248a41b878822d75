using System.Globalization;
using System.Text;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// The TUI's one window: chat on the left; tracks with meters, the pending proposal and the octave views on
/// the right; the running job, the session's status and the function keys at the bottom. It shows what the
/// desk and the turn handler report and nothing else: every change goes through them.
/// </summary>
public sealed partial class MainWindow : Window
{
    // Labels treat '_' as a hot-key marker; names like "gain_db" and "Lead_Vox" must print as they are.
    private static readonly Rune NoHotKey = new(0xFFFF);

    private readonly IApplication _app;
    private readonly MixingDesk _desk;
    private readonly ITurnHandler _turns;
    private readonly AudioPlayer _player;
    private readonly BackgroundWork _work;

    private readonly ChatLog _chat = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
    private readonly TextField _input = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
    private readonly FrameView _chatFrame;
    private readonly FrameView _tracksFrame;
    private readonly TableView _tracks = new() { Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = false };
    private readonly FrameView _proposalFrame;
    private readonly TableView _proposal = new() { Width = Dim.Fill(), Height = Dim.Fill(1), FullRowSelect = false };
    private readonly Label _editPrompt = new() { HotKeySpecifier = NoHotKey, X = 0, Y = Pos.AnchorEnd(1), Visible = false };
    private readonly TextField _editValue = new() { Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Visible = false };
    private readonly FrameView _eqFrame;
    private readonly OctaveBarsView _eqBars = new() { Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly FrameView _referenceFrame;
    private readonly OctaveBarsView _referenceBars = new() { Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "no reference yet" };
    private readonly Label _jobText = new() { HotKeySpecifier = NoHotKey, X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Percent(45), Text = "idle" };
    private readonly ProgressBar _jobBar = new() { Y = Pos.AnchorEnd(3), Width = Dim.Fill(), Height = 1, Fraction = 0 };
    private readonly Label _status = new() { HotKeySpecifier = NoHotKey, X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill() };
    private readonly FrameView _help;

    private TrackTable _trackRows;
    private ProposalTable _proposalRows;
    private ParameterChange? _editing;
    private TurnQuestion? _question;
    private readonly List<string> _sent = [];
    private int _recall;

    public MainWindow(IApplication app, MixingDesk desk, ITurnHandler turns, AudioPlayer player)
    {
        _app = app;
        _desk = desk;
        _turns = turns;
        _player = player;
        _work = new BackgroundWork(action => app.Invoke(action));

        Title = $"Mixwright · {Path.GetFileName(desk.Session.FilePath)}";
        Width = Dim.Fill();
        Height = Dim.Fill();

        _chatFrame = new FrameView { Title = "Chat (F2)", X = 0, Y = 0, Width = Dim.Percent(34), Height = Dim.Fill(3) };
        _chatFrame.Add(_chat, _input);

        _tracksFrame = new FrameView { Title = "Tracks (F3) · ? why · p play alone", X = Pos.Right(_chatFrame), Y = 0, Width = Dim.Fill(), Height = 8 };
        _tracksFrame.Add(_tracks);
        _proposalFrame = new FrameView { X = Pos.Right(_chatFrame), Y = Pos.Bottom(_tracksFrame), Width = Dim.Fill(), Height = 7 };
        _editValue.X = Pos.Right(_editPrompt) + 1;
        _proposalFrame.Add(_proposal, _editPrompt, _editValue);
        _eqFrame = new FrameView { X = Pos.Right(_chatFrame), Y = Pos.Bottom(_proposalFrame), Height = Dim.Fill(3) };
        // The two octave views share the right-hand column equally.
        _eqFrame.Width = Dim.Func(_ => Math.Max(1, (Viewport.Width - _chatFrame.Frame.Width) / 2), _chatFrame);
        _eqFrame.Add(_eqBars);
        _referenceFrame = new FrameView { Title = "Mix − reference", X = Pos.Right(_eqFrame), Y = Pos.Bottom(_proposalFrame), Width = Dim.Fill(), Height = Dim.Fill(3) };
        _referenceFrame.Add(_referenceBars);
        _jobBar.X = Pos.Right(_jobText) + 1;

        foreach (var table in new[] { _tracks, _proposal })
        {
            table.Style.ShowHorizontalHeaderOverline = false;
            table.Style.ShowHorizontalBottomLine = false;
            table.Style.ShowVerticalCellLineForFirstColumn = false;
            table.Style.ShowVerticalCellLineForLastColumn = false;
            table.Style.ExpandLastColumn = true;
        }

        // A busy EQ or a long role must not push the meters off the pane: they are cut with an ellipsis.
        _tracks.Style.GetOrCreateColumnStyle(TrackTable.RoleColumn).MaxWidth = 10;
        _tracks.Style.GetOrCreateColumnStyle(TrackTable.EqColumn).MaxWidth = 14;

        _help = new FrameView
        {
            Title = "Keys (F1 or Esc closes)", X = Pos.Center(), Y = Pos.Center(),
            Width = Dim.Auto(DimAutoStyle.Content), Height = Dim.Auto(DimAutoStyle.Content), Visible = false,
        };
        _help.Add(new Label { HotKeySpecifier = NoHotKey, Text = KeyHelp.Text });

        var statusBar = new StatusBar(
        [
            new Shortcut(Key.F1, "Help", ToggleHelp, ""),
            new Shortcut(Key.F5, "Render", StartRender, ""),
            new Shortcut(Key.F6, "Analyse", StartAnalysis, ""),
            new Shortcut(Key.F7, "Play", PlayLastRender, ""),
            new Shortcut(Key.F8, "Stop", StopPlayback, ""),
            new Shortcut(Key.Q.WithCtrl, "Quit", Quit, ""),
        ]);

        Add(_chatFrame, _tracksFrame, _proposalFrame, _eqFrame, _referenceFrame, _jobText, _jobBar, _status, statusBar, _help);

        _trackRows = TrackTable.From(desk);
        _proposalRows = ProposalTable.From(desk.Session.Pending);
        WireKeys();
        Refresh();
        _chat.Add(ChatSpeaker.Note, $"{desk.Session.Stems.Count} tracks. Say what you want to hear, e.g. \"vocals up 3 dB\". F1 lists every key.");
        if (desk.NeedsAnalysis) StartAnalysis();
    }

    /// <summary>The chat as plain text, newest last (what the pane would show if it were tall enough).</summary>
    public IReadOnlyList<(ChatSpeaker Speaker, string Text)> Conversation => _chat.Messages;

    /// <summary>True while a turn, an analysis or a render runs.</summary>
    public bool Busy => _work.Busy;

    public bool HelpVisible => _help.Visible;

    /// <summary>Reloads every pane from the session and the desk, keeping the selections where they were.</summary>
    public void Refresh()
    {
        var session = _desk.Session;
        var trackCell = _tracks.Value?.SelectedCell ?? default;
        _trackRows = TrackTable.From(_desk);
        _tracks.Table = _trackRows;
        _tracksFrame.Height = _trackRows.Rows + 4;
        _tracks.SetSelection(Math.Clamp(trackCell.X, 0, _trackRows.Columns - 1), Math.Clamp(trackCell.Y, 0, _trackRows.Rows - 1), false, null);
        _tracks.Update();

        var proposalCell = _proposal.Value?.SelectedCell ?? default;
        _proposalRows = ProposalTable.From(session.Pending);
        _proposal.Table = _proposalRows;
        _proposalFrame.Height = Math.Clamp(_proposalRows.Rows, 1, 6) + 5;
        _proposalFrame.Title = session.Pending is { } p
            ? $"Proposal {p.Id} (F4) · a apply · d discard · e edit · ? why — not applied yet"
            : "Proposal (F4) · none pending: ask for a change in the chat";
        if (_proposalRows.Rows > 0)
            _proposal.SetSelection(Math.Clamp(proposalCell.X, 0, _proposalRows.Columns - 1), Math.Clamp(proposalCell.Y, 0, _proposalRows.Rows - 1), false, null);
        _proposal.Update();

        RefreshSelectedTrack();
        RefreshReference();
        RefreshStatus();
        SetNeedsDraw();
    }

    private void RefreshSelectedTrack()
    {
        var target = _trackRows.TargetAt(_tracks.Value?.SelectedCell.Y ?? 0);
        bool pendingEq = _desk.Session.Pending?.Changes.Any(c => c.Target == target && c.Parameter.StartsWith("eq.", StringComparison.Ordinal)) == true;
        _eqBars.SetValues(_desk.EqResponse(target, withPending: pendingEq).Select(v => (double?)v).ToList());
        _eqFrame.Title = $"EQ · {DisplayText.Clean(target.ToString(), 20)}{(pendingEq ? " (with proposal)" : "")}";
    }

    private void RefreshReference()
    {
        var difference = _desk.ReferenceDifference();
        _referenceBars.SetValues(difference);
        _referenceBars.EmptyText = (_desk.Session.References.Count, _desk.Reference, _desk.LastRender) switch
        {
            (0, _, _) => "no reference yet",
            (_, null, _) => "reference not analysed yet (F6)",
            (_, _, null) => "render the mix (F5) to compare",
            _ => "",
        };
        _referenceFrame.Title = _desk.Reference is { } r ? $"Mix − {DisplayText.Clean(r.Clip.Name, 16)} (levels aligned)" : "Mix − reference";
    }

    private void RefreshStatus()
    {
        var session = _desk.Session;
        string render = _desk.LastRender is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"render {r.Mix.IntegratedLufs:0.0} LUFS, TP {r.Mix.TruePeakDbtp:0.0} dBTP{(r.Console == session.Console ? "" : " (stale)")}")
            : "not rendered yet";
        // Every applied change is saved at once; only a pending proposal is not part of the mix yet.
        string pending = session.Pending is { } p ? $"{p.Id} pending, not applied" : "all applied";
        _status.Text = $"{_turns.Name} │ {Path.GetFileName(session.FilePath)} │ {render} │ history {session.History.Position}/{session.History.ChangeSets.Length} │ {pending}";
    }

    private void ShowProgress(string stage, double? fraction)
    {
        _jobText.Text = fraction is double f ? string.Create(CultureInfo.InvariantCulture, $"{stage} {f * 100:0}% (Esc cancels)") : stage;
        _jobBar.Fraction = (float)(fraction ?? 0);
    }

    private void JobEnded(string text)
    {
        _jobText.Text = text;
        _jobBar.Fraction = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnApplicationKeyDown;
            _player.Stop();
            _work.Cancel();
        }
        base.Dispose(disposing);
    }
}
