using System.Text.RegularExpressions;
using Mixwright.Assistant.Tui;
using Terminal.Gui.Input;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>
/// The TUI as a user meets it, on Terminal.Gui's virtual screen: ask in the chat, see the proposal, apply
/// it, ask why, render, read the help. One session per test class keeps the class fast; each test opens
/// its own window on it and leaves the session as it found it (nothing applied, nothing pending).
/// </summary>
public sealed class MainWindowTests : IDisposable
{
    private readonly TestSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Typing_a_request_shows_the_proposal_with_its_reason()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        Assert.Contains("none pending", tui.Screen);

        tui.Say("vocals up 3 dB");

        string screen = tui.Screen;
        Assert.Contains("Proposal p-1", screen);
        string row = tui.Row("Lead Vocal", "gain_db", "0 dB → +3 dB");
        Assert.Contains("Lead Vocal", row);
        Assert.Contains("as you", row);
        var change = Assert.Single(tui.Desk.Session.Pending!.Changes);
        Assert.Equal(Mixwright.Tools.Session.RationaleSource.UserWords, change.Rationale.Source);
        Assert.Equal("vocals up 3 dB", change.Rationale.Quote);
        Assert.Contains("p-1 pending, not applied", screen);
        Assert.Equal(0, tui.Desk.Session.Console.Track("Lead Vocal").GainDb);
    }

    [Fact]
    public void Apply_changes_the_tracks_pane_and_the_level_meter()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        string before = LevelOf(tui.Row("Lead Vocal", "lead vocal"));
        tui.Say("vocals up 3 dB");

        tui.Press(Key.F4);
        tui.Press(new Key('a'));

        string row = tui.Row("Lead Vocal", "lead vocal");
        Assert.Contains("+3.0", row);
        Assert.Equal(double.Parse(before) + 3, double.Parse(LevelOf(row)), 1);
        Assert.Contains("none pending", tui.Screen);
        Assert.Contains("history 1/1", tui.Screen);
        Assert.Equal(3, tui.Desk.Session.Console.Track("Lead Vocal").GainDb);
        Assert.Contains("Applied cs-1", tui.Chat);
        tui.Desk.Session.Undo();
    }

    [Fact]
    public void Question_mark_on_a_track_setting_shows_its_rationale()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        tui.Say("vocals up 3 dB");
        tui.Say("yes");

        SelectTrack(tui, "Lead Vocal");
        tui.Press(new Key('?'));

        Assert.Contains("Lead Vocal gain_db is +3 dB", tui.Chat);
        Assert.Contains("You set this yourself on turn 1, asking \"vocals up 3 dB\"", tui.Chat);
        Assert.Contains("Lead Vocal gain_db is +3 dB", tui.Screen);
        tui.Desk.Session.Undo();
    }

    [Fact]
    public void Question_mark_in_the_proposal_says_why_that_change()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        tui.Say("cut the bass 4 dB at 250 Hz");

        tui.Press(Key.F4);
        tui.Press(new Key('?'));

        Assert.Contains("Proposed from you asked \"cut the bass 4 dB at 250 Hz\"", tui.Chat);
        Assert.Contains("EQ · Bass (with proposal)", tui.Screen.Replace("│", ""));
        tui.Press(new Key('d'));
        Assert.Contains("Dropped p-1", tui.Chat);
        Assert.Null(tui.Desk.Session.Pending);
    }

    [Fact]
    public void A_descriptor_becomes_a_proposal_whose_why_quotes_the_request()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        tui.Say("make the kick punchier");
        Assert.NotNull(tui.Desk.Session.Pending);
        Assert.All(tui.Desk.Session.Pending!.Changes, c => Assert.Equal("Kick", c.Target.Track));

        tui.Press(Key.F4);
        tui.Press(new Key('?'));

        Assert.Contains("Proposed from the descriptor \"make the kick punchier\": To make Kick more punchy", tui.Chat);
        tui.Press(new Key('d'));
        Assert.Null(tui.Desk.Session.Pending);
    }

    [Fact]
    public void Edit_checks_the_value_against_the_parameter_range()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        tui.Say("vocals up 3 dB");
        tui.Press(Key.F4);

        tui.Press(new Key('e'));
        Assert.Contains("gain_db (-48 to +24 dB):", tui.Screen);
        tui.Type("99");
        tui.Press(Key.Enter);
        Assert.Contains("must be between -48 and +24 dB (got +99)", tui.Chat);
        Assert.Equal(3, tui.Desk.Session.Pending!.Changes[0].To.Number);

        for (int i = 0; i < 2; i++) tui.Press(Key.Backspace);
        tui.Type("4.5");
        tui.Press(Key.Enter);

        Assert.Contains("0 dB → +4.5 dB", tui.Row("gain_db", "by hand"));
        Assert.Equal(4.5, tui.Desk.Session.Pending!.Changes[0].To.Number);
        tui.Press(new Key('d'));
    }

    [Fact]
    public void Render_shows_the_master_meter_loudness_and_compressor_gain_reduction()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        tui.Desk.Tools.SetCompressor("Lead Vocal", enabled: true, threshold_db: -36, ratio: 4);
        Assert.True(tui.Desk.Apply().Ok);
        Assert.Contains("render: F5", tui.Row("MASTER"));

        tui.Press(Key.F5);
        Assert.Contains("rendering", tui.Screen);
        tui.WaitUntil(() => !tui.Window.Busy);

        var lufs = Regex.Match(tui.Screen, @"render (-?\d+\.\d) LUFS, TP (-?\d+\.\d) dBTP");
        Assert.True(lufs.Success, tui.Screen);
        Assert.Equal(tui.Desk.LastRender!.Mix.IntegratedLufs, double.Parse(lufs.Groups[1].Value), 1);
        Assert.Contains(lufs.Groups[1].Value, tui.Row("MASTER"));
        Assert.True(File.Exists(tui.Desk.RenderPath));
        Assert.Contains("Rendered mixwright-session-mix.wav", tui.Chat);
        Assert.DoesNotContain("Still", tui.Chat);

        double reduction = tui.Desk.LastRender.TrackGainReductionDb["Lead Vocal"];
        Assert.True(reduction > 1, $"gain reduction {reduction} dB");
        var cells = tui.Row("Lead Vocal", "lead vocal").Split('│').Select(c => c.Trim()).ToList();
        Assert.Equal("-" + reduction.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), cells[cells.IndexOf("Lead Vocal") + 5]);
        Assert.DoesNotContain("(stale)", tui.Screen);

        tui.Say("vocals up 3 dB");
        tui.Say("yes");
        Assert.Contains("dBTP (stale)", tui.Screen);
        tui.Desk.Session.Undo();
        tui.Desk.Session.Undo();
    }

    [Fact]
    public void A_busy_eq_is_cut_short_so_the_meters_stay_in_view()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        foreach (var (band, gain) in new[] { (1, -3.0), (2, -3.0), (3, -1.5), (4, -4.5), (5, -3.0), (6, -1.5) })
            tui.Desk.Tools.SetEqBand("Bass", band: band, gain_db: gain);
        tui.Press(Key.F4);
        tui.Press(new Key('a'));

        string row = tui.Row("Bass", "bass");
        Assert.Contains("-3@80", row);
        Assert.DoesNotContain("-1.5@10k", row);
        Assert.Matches(@"-\d+\.\d[\s│]*$", row);
        Assert.Contains("Level LUFS", tui.Screen);
        tui.Desk.Session.Undo();
    }

    [Fact]
    public void F1_lists_every_key_and_Esc_closes_it()
    {
        using var tui = new HeadlessTui(_session.SessionPath);

        tui.Press(Key.F1);

        string screen = tui.Screen;
        Assert.True(tui.Window.HelpVisible);
        foreach (var (keys, does) in KeyHelp.Entries)
            Assert.Contains($"{keys,-18} {does}", screen);
        tui.Press(Key.Esc);
        Assert.False(tui.Window.HelpVisible);
        Assert.DoesNotContain("proposal: apply the pending proposal", tui.Screen);
    }

    [Fact]
    public void Up_recalls_the_last_message_and_an_unknown_track_changes_nothing()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        tui.Say("make the theremin louder");
        Assert.DoesNotContain("Proposal p-", tui.Screen);
        Assert.True(tui.Window.Conversation[^1].Text.Length > 0);
        Assert.Single(Regex.Matches(tui.Screen, "make the theremin louder"));

        tui.Press(Key.CursorUp);

        // Once in the chat, once back in the input line.
        Assert.Equal(2, Regex.Matches(tui.Screen, "make the theremin louder").Count);
    }

    [Fact]
    public void A_question_lists_numbered_options_and_a_number_answers_it()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        tui.Say("make it louder");
        Assert.Contains("Which track", tui.Chat);
        string options = tui.Window.Conversation[^1].Text;
        var whole = Regex.Match(options, @"(\d)\) the whole mix");
        Assert.True(whole.Success, options);

        tui.Say(whole.Groups[1].Value);

        Assert.Contains($"> {whole.Groups[1].Value} (the whole mix)", tui.Screen);
        Assert.Equal("output_gain_db", Assert.Single(tui.Desk.Session.Pending!.Changes).Parameter);
        Assert.Contains("master", tui.Row("output_gain_db", "→"));
        tui.Press(Key.F4);
        tui.Press(new Key('d'));
    }

    [Fact]
    public void Clicking_a_track_selects_it_and_the_eq_view_follows()
    {
        using var tui = new HeadlessTui(_session.SessionPath);
        Assert.Contains("EQ · Bass", tui.Screen);

        tui.Click("kick");

        Assert.Contains("EQ · Kick", tui.Screen);
    }

    private static string LevelOf(string row) => Regex.Match(row, @"(-?\d+\.\d)[\s│]*$").Groups[1].Value;

    /// <summary>Moves down the tracks pane until the EQ view follows the track.</summary>
    private static void SelectTrack(HeadlessTui tui, string track)
    {
        tui.Press(Key.F3);
        for (int i = 0; i < 8 && !tui.Screen.Contains($"EQ · {track}"); i++) tui.Press(Key.CursorDown);
        Assert.Contains($"EQ · {track}", tui.Screen);
    }
}
