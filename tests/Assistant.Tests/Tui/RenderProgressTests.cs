using System.Text.RegularExpressions;
using Terminal.Gui.Input;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>A render long enough to watch: the progress shows while it runs, the UI keeps answering, Esc stops it.</summary>
public sealed class RenderProgressTests : IDisposable
{
    // Long enough to watch: the render must still be running after the UI has answered F1 and Esc, on a fast
    // machine as on a loaded one (three 30 s stems render in a fraction of a second).
    private readonly TestSession _session = new(seconds: 240);

    public void Dispose() => _session.Dispose();

    [Fact]
    public void A_render_shows_its_progress_and_Esc_cancels_it_leaving_no_file()
    {
        using var tui = new HeadlessTui(_session.SessionPath);

        tui.Press(Key.F5);
        Match progress = Match.Empty;
        // From 5% the bar has whole cells to show; before 90% there is time left to cancel.
        tui.WaitUntil(() => (progress = Regex.Match(tui.Screen, @"mixing (\d+)% \(Esc cancels\)")).Success && int.Parse(progress.Groups[1].Value) is >= 5 and < 90);

        Assert.True(tui.Window.Busy);
        string jobRow = tui.Row("(Esc cancels)");
        Assert.Matches("[▌█▏▎▍▋▊▉]", jobRow);
        // The UI is not blocked: help opens and closes while the render runs.
        tui.Press(Key.F1);
        Assert.True(tui.Window.HelpVisible);
        tui.Press(Key.Esc);
        Assert.True(tui.Window.Busy);

        tui.Press(Key.Esc);
        tui.WaitUntil(() => !tui.Window.Busy);

        Assert.Contains("Render cancelled; no file was written.", tui.Chat);
        Assert.False(File.Exists(tui.Desk.RenderPath));
        Assert.Null(tui.Desk.LastRender);
        Assert.Contains("not rendered yet", tui.Screen);
    }
}
