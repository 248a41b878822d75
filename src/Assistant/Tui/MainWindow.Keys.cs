using System.Globalization;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Mixwright.Assistant.Tui;

/// <summary>The window's keys (listed in <see cref="KeyHelp"/>) and what they start.</summary>
public sealed partial class MainWindow
{
    private void WireKeys()
    {
        // Application-wide keys come first so a focused table or text field cannot swallow them.
        _app.Keyboard.KeyDown += OnApplicationKeyDown;
        _input.Accepting += (_, e) =>
        {
            e.Handled = true;
            Send(_input.Text ?? "");
        };
        _input.KeyDown += (_, key) =>
        {
            if (key == Key.CursorUp) { Recall(-1); key.Handled = true; }
            else if (key == Key.CursorDown) { Recall(+1); key.Handled = true; }
            else if (key == Key.PageUp) { _chat.Page(+1); key.Handled = true; }
            else if (key == Key.PageDown) { _chat.Page(-1); key.Handled = true; }
        };
        _tracks.KeyDown += (_, key) =>
        {
            if (Is(key, '?')) { WhyTrackSetting(); key.Handled = true; }
            else if (Is(key, 'p')) { PlaySelectedTrack(); key.Handled = true; }
        };
        _tracks.ValueChanged += (_, _) => RefreshSelectedTrack();
        _proposal.KeyDown += (_, key) =>
        {
            if (Is(key, 'a')) { Apply(); key.Handled = true; }
            else if (Is(key, 'd')) { Discard(); key.Handled = true; }
            else if (Is(key, 'e') || key == Key.Enter) { BeginEdit(); key.Handled = true; }
            else if (Is(key, '?')) { WhyProposedChange(); key.Handled = true; }
        };
        _editValue.Accepting += (_, e) =>
        {
            e.Handled = true;
            FinishEdit();
        };
    }

    private static bool Is(Key key, char c) => !key.IsCtrl && !key.IsAlt && key.AsRune.Value == c;

    private void OnApplicationKeyDown(object? sender, Key key)
    {
        if (key == Key.F1) ToggleHelp();
        else if (key == Key.Esc) Escape();
        else if (key == Key.F2) _input.SetFocus();
        else if (key == Key.F3) _tracks.SetFocus();
        else if (key == Key.F4) _proposal.SetFocus();
        else if (key == Key.F5) StartRender();
        else if (key == Key.F6) StartAnalysis();
        else if (key == Key.F7) PlayLastRender();
        else if (key == Key.F8) StopPlayback();
        else if (key == Key.Q.WithCtrl) Quit();
        else return;
        key.Handled = true;
    }

    private void ToggleHelp()
    {
        _help.Visible = !_help.Visible;
        SetNeedsDraw();
    }

    /// <summary>Esc closes what is open first, then cancels the job; it never quits (Ctrl+Q does).</summary>
    private void Escape()
    {
        if (_help.Visible) ToggleHelp();
        else if (_editing is not null) EndEdit();
        else if (_work.Cancel()) _jobText.Text = $"cancelling {_work.Running}…";
    }

    private void Quit()
    {
        _player.Stop();
        _work.Cancel();
        _app.RequestStop();
    }

    // ----- chat ------------------------------------------------------------------------------------

    private void Send(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return;
        if (_work.Busy)
        {
            _chat.Add(ChatSpeaker.Note, $"Still {_work.Running}; wait for it or press Esc to cancel it.");
            return;
        }
        _sent.Add(text);
        _recall = _sent.Count;
        _input.Text = "";
        // A bare number answers the open question with that option's words, whatever the back-end makes of digits.
        string message = _question is { } q && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= q.Options.Count
            ? q.Options[n - 1]
            : text;
        _question = null;
        _chat.Add(ChatSpeaker.User, message == text ? text : $"{text} ({message})");
        _work.TryStart("thinking", (_, cancellation) => _turns.HandleAsync(message, cancellation),
            _ => { },
            ShowTurn,
            () => { JobEnded("cancelled"); _chat.Add(ChatSpeaker.Note, "Cancelled."); Refresh(); },
            e => { JobEnded("failed"); _chat.Add(ChatSpeaker.Problem, Cli.UserMessage.Of(e)); Refresh(); });
        ShowProgress($"{_turns.Name}: thinking… (Esc cancels)", null);
    }

    private void ShowTurn(TurnResult result)
    {
        JobEnded("idle");
        if (result.Reply.Length > 0) _chat.Add(ChatSpeaker.Assistant, result.Reply);
        _question = result.Question is { Options.Count: > 0 } q ? q : null;
        if (_question is not null)
            _chat.Add(ChatSpeaker.Assistant, string.Join("\n", _question.Options.Select((o, i) => $"  {i + 1}) {o}")));
        Refresh();
        // A reference the turn just named is measured at once, so the mix-versus-reference view can fill in.
        if (result.RenderRequested) StartRender();
        else if (_desk.NeedsAnalysis) StartAnalysis();
    }

    /// <summary>Up and Down walk through what was sent, like a shell's history.</summary>
    private void Recall(int step)
    {
        if (_sent.Count == 0) return;
        _recall = Math.Clamp(_recall + step, 0, _sent.Count);
        _input.Text = _recall < _sent.Count ? _sent[_recall] : "";
        _input.MoveEnd();
    }

    // ----- proposal --------------------------------------------------------------------------------

    private bool Idle()
    {
        if (!_work.Busy) return true;
        _chat.Add(ChatSpeaker.Note, $"Still {_work.Running}; wait for it or press Esc to cancel it.");
        return false;
    }

    private void Apply()
    {
        if (!Idle()) return;
        var (text, ok) = _desk.Apply();
        _chat.Add(ok ? ChatSpeaker.Assistant : ChatSpeaker.Problem, text);
        Refresh();
    }

    private void Discard()
    {
        if (!Idle()) return;
        var (text, ok) = _desk.Discard();
        _chat.Add(ok ? ChatSpeaker.Assistant : ChatSpeaker.Problem, text);
        Refresh();
    }

    private void BeginEdit()
    {
        if (!Idle()) return;
        var change = _proposalRows.ChangeAt(_proposal.Value?.SelectedCell.Y ?? 0);
        if (change is null)
        {
            _chat.Add(ChatSpeaker.Note, "There is no proposed change to edit.");
            return;
        }
        _editing = change;
        var spec = ParameterCatalog.Get(change.Target.Scope, change.Parameter);
        _editPrompt.Text = $"{DisplayText.Clean(change.Target.ToString(), 16)} {change.Parameter} ({spec.Range?.Describe() ?? "on or off"}):";
        _editValue.Text = change.To.Kind == ParameterValueKind.Number
            ? change.To.Number.ToString("0.##", CultureInfo.InvariantCulture)
            : change.To.Display(change.Unit);
        _editPrompt.Visible = _editValue.Visible = true;
        _editValue.SetFocus();
        _editValue.SelectAll();
    }

    private void FinishEdit()
    {
        if (_editing is not { } change) return;
        var (text, ok) = _desk.Edit(change, _editValue.Text ?? "");
        _chat.Add(ok ? ChatSpeaker.Assistant : ChatSpeaker.Problem, text);
        if (!ok) return;
        EndEdit();
        Refresh();
    }

    private void EndEdit()
    {
        _editing = null;
        _editPrompt.Visible = _editValue.Visible = false;
        _proposal.SetFocus();
    }

    // ----- why -------------------------------------------------------------------------------------

    private void WhyTrackSetting()
    {
        var cell = _tracks.Value?.SelectedCell ?? default;
        var target = _trackRows.TargetAt(cell.Y);
        string parameter = _trackRows.ParameterAt(cell.Y, cell.X);
        _chat.Add(ChatSpeaker.User, $"? {DisplayText.Clean(target.ToString())} {parameter}");
        _chat.Add(ChatSpeaker.Assistant, _desk.Why(target, parameter));
    }

    private void WhyProposedChange()
    {
        if (_proposalRows.ChangeAt(_proposal.Value?.SelectedCell.Y ?? 0) is not { } change) return;
        var r = change.Rationale;
        string source = r.Source switch
        {
            RationaleSource.UserWords when r.Quote is not null => $"you asked {DisplayText.Quote(r.Quote)}",
            RationaleSource.Descriptor => $"the descriptor {DisplayText.Quote(r.Quote)}",
            RationaleSource.ReferenceMatch => $"matching the reference {DisplayText.Quote(r.Quote)}",
            RationaleSource.Analysis => "the analysis",
            _ => "set by hand",
        };
        string measured = string.IsNullOrWhiteSpace(r.Measurement) ? "" : $" Measured: {DisplayText.Clean(r.Measurement, 300)}.";
        _chat.Add(ChatSpeaker.User, $"? {change.Describe()}");
        _chat.Add(ChatSpeaker.Assistant, $"Proposed from {source}: {DisplayText.Clean(r.Sentence, 400)}{measured}");
    }

    // ----- long work -------------------------------------------------------------------------------

    private void StartRender()
    {
        bool started = _work.TryStart("rendering", (progress, cancellation) => _desk.Render(progress, cancellation),
            p => ShowProgress(p.Stage, p.Fraction),
            summary =>
            {
                JobEnded("rendered");
                _chat.Add(ChatSpeaker.Note, string.Create(CultureInfo.InvariantCulture,
                    $"Rendered {_desk.Session.RelativePath(summary.File)}: {summary.Mix.IntegratedLufs:0.0} LUFS, true peak {summary.Mix.TruePeakDbtp:0.0} dBTP, loudness range {summary.Mix.LoudnessRangeLu:0.0} LU. F7 plays it."));
                Refresh();
            },
            () => { JobEnded("render cancelled"); _chat.Add(ChatSpeaker.Note, "Render cancelled; no file was written."); },
            e => { JobEnded("render failed"); _chat.Add(ChatSpeaker.Problem, $"Render failed: {Cli.UserMessage.Of(e)}"); });
        if (started) ShowProgress("rendering", 0);
        else Idle();
    }

    private void StartAnalysis()
    {
        if (!_desk.NeedsAnalysis)
        {
            _chat.Add(ChatSpeaker.Note, "Every stem (and the reference, if any) is analysed already.");
            return;
        }
        bool started = _work.TryStart("analysing", (progress, cancellation) => { _desk.Analyse(progress, cancellation); return true; },
            p => ShowProgress(p.Stage, p.Fraction),
            _ => { JobEnded("analysed"); Refresh(); },
            () => { JobEnded("analysis cancelled"); _chat.Add(ChatSpeaker.Note, "Analysis cancelled; F6 resumes it."); Refresh(); },
            e => { JobEnded("analysis failed"); _chat.Add(ChatSpeaker.Problem, $"Analysis failed: {Cli.UserMessage.Of(e)}"); Refresh(); });
        if (started) ShowProgress("analysing", 0);
        else Idle();
    }

    // ----- playback --------------------------------------------------------------------------------

    private void PlayLastRender()
    {
        if (_desk.LastRender is not { } render)
        {
            _chat.Add(ChatSpeaker.Note, "Nothing rendered yet: press F5 to render the mix first.");
            return;
        }
        Play(render.File, "the mix");
    }

    private void PlaySelectedTrack()
    {
        var target = _trackRows.TargetAt(_tracks.Value?.SelectedCell.Y ?? 0);
        if (target.Scope != TargetScope.Track)
        {
            PlayLastRender();
            return;
        }
        string track = target.Track!;
        bool started = _work.TryStart($"rendering {DisplayText.Clean(track)} alone", (progress, cancellation) => _desk.RenderSolo(track, progress, cancellation),
            p => ShowProgress(p.Stage, p.Fraction),
            file => { JobEnded("idle"); Play(file, $"{DisplayText.Clean(track)} alone"); },
            () => JobEnded("cancelled"),
            e => { JobEnded("failed"); _chat.Add(ChatSpeaker.Problem, $"Could not render {DisplayText.Clean(track)} alone: {Cli.UserMessage.Of(e)}"); });
        if (started) ShowProgress("rendering the track alone", 0);
        else Idle();
    }

    private void Play(string file, string what)
    {
        string? problem = _player.Play(file, outcome => _app.Invoke(() => _chat.Add(ChatSpeaker.Note, outcome)));
        _chat.Add(problem is null ? ChatSpeaker.Note : ChatSpeaker.Problem, problem ?? $"Playing {what} (F8 stops).");
    }

    private void StopPlayback()
    {
        if (!_player.Stop()) _chat.Add(ChatSpeaker.Note, "Nothing is playing.");
    }
}
