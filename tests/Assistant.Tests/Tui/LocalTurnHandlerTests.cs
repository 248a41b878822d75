using Mixwright.Assistant.Tui;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>
/// The TUI's back-end without a model: messages go through the local interpreter, its calls run on the mix
/// plugin by name, and the replies are what the chat pane prints.
/// </summary>
public sealed class LocalTurnHandlerTests : IDisposable
{
    private readonly TestSession _files = new();
    private readonly MixingDesk _desk;
    private readonly LocalTurnHandler _turns;

    public LocalTurnHandlerTests()
    {
        _desk = new MixingDesk(MixSession.Load(_files.SessionPath), DspMixEngine.ForSession(_files.SessionPath));
        _turns = new LocalTurnHandler(_desk.Tools);
    }

    public void Dispose() => _files.Dispose();

    private MixSession Session => _desk.Session;

    private TurnResult Say(string text) => _turns.HandleAsync(text, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void A_relative_gain_request_becomes_an_absolute_proposal_quoting_the_user()
    {
        var result = Say("vocals up 3 dB");

        Assert.True(result.SessionChanged);
        Assert.StartsWith("Proposed p-1 (not applied yet): Lead Vocal gain_db: 0 dB → +3 dB.", result.Reply);
        var change = Assert.Single(Session.Pending!.Changes);
        Assert.Equal(3, change.To.Number);
        Assert.Equal(RationaleSource.UserWords, change.Rationale.Source);
        Assert.Equal("vocals up 3 dB", change.Rationale.Quote);
        Assert.Equal(0, Session.Console.Track("Lead Vocal").GainDb);

        var applied = Say("yes");

        Assert.StartsWith("Applied cs-1", applied.Reply);
        Assert.Equal(3, Session.Console.Track("Lead Vocal").GainDb);
    }

    [Fact]
    public void Eq_moves_go_to_the_band_that_fits_and_add_to_what_it_already_does()
    {
        Say("cut the bass 4 dB at 250 Hz");
        Say("yes");
        var eq = Session.Console.Track("Bass").Eq;
        Assert.Equal((250.0, -4.0), (eq.Bands[1].FrequencyHz, eq.Bands[1].GainDb));

        Say("cut the bass 2 dB at 260 Hz");
        Say("yes");
        Say("boost the bass 3 dB at 4 kHz");
        Say("yes");

        eq = Session.Console.Track("Bass").Eq;
        // A move 10 Hz from a band already doing that job deepens it there rather than moving it.
        Assert.Equal(-6, eq.Bands[1].GainDb);
        Assert.Equal(250, eq.Bands[1].FrequencyHz);
        Assert.Equal((4000.0, 3.0), (eq.Bands[4].FrequencyHz, eq.Bands[4].GainDb));
        Assert.Equal([0.0, 0.0, 0.0], new[] { eq.Bands[0].GainDb, eq.Bands[2].GainDb, eq.Bands[3].GainDb });
    }

    [Fact]
    public void A_move_that_cannot_act_is_refused_in_words_and_nothing_is_proposed()
    {
        var mono = Say("make the vocal mono");

        Assert.Contains("mono stem", mono.Reply);
        Assert.Contains("Nothing was changed", mono.Reply);
        Assert.Null(Session.Pending);

        var lowCut = Say("high pass the vocal at 100 Hz");
        Assert.True(lowCut.SessionChanged, lowCut.Reply);
        Assert.Contains(Session.Pending!.Changes, c => c.Parameter.StartsWith("high_pass", StringComparison.Ordinal));
    }

    [Fact]
    public void More_after_the_tui_applied_the_proposal_itself_builds_on_that_change()
    {
        Say("vocals up 3 dB");
        Assert.True(_desk.Apply().Ok);

        var result = Say("a bit more");

        Assert.True(result.SessionChanged, result.Reply);
        var change = Assert.Single(Session.Pending!.Changes);
        Assert.Equal("gain_db", change.Parameter);
        Assert.True(change.To.Number > 3, result.Reply);
    }

    [Fact]
    public void A_request_with_no_track_asks_which_one_and_a_number_answers()
    {
        var question = Say("make it louder");

        Assert.NotNull(question.Question);
        Assert.Contains("Lead Vocal", question.Question!.Options);
        Assert.Null(Session.Pending);

        int vocal = question.Question.Options.ToList().IndexOf("Lead Vocal") + 1;
        var answer = Say(vocal.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("Lead Vocal", Assert.Single(Session.Pending!.Changes).Target.Track);
        Assert.Contains("Proposed p-1", answer.Reply);
    }

    [Fact]
    public void Render_is_left_to_the_tui_and_a_value_out_of_range_is_refused_with_the_range()
    {
        var render = Say("render the mix");
        Assert.True(render.RenderRequested);
        Assert.False(File.Exists(_desk.RenderPath));

        var tooLoud = Say("vocals up 40 dB");

        Assert.Contains($"outside {ConsoleRanges.GainDb.Describe()}", tooLoud.Reply);
        Assert.Null(Session.Pending);
    }
}
