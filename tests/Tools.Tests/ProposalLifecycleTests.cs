using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>Proposals, commit and discard, undo and redo across the whole history, and explain.</summary>
public sealed class ProposalLifecycleTests : IDisposable
{
    private readonly TempSession _temp = new("Lead Vox.wav", "Kick.wav", "Bass.wav", "Gtr.wav");
    private readonly SteppingClock _clock = new();
    private readonly MixSession _session;
    private readonly MixTools _tools;

    public ProposalLifecycleTests()
    {
        _session = _temp.Create(_clock);
        _tools = _temp.Tools(_session);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Proposal_then_commit_applies_it_as_one_change_set()
    {
        _tools.SetGain("Lead Vox", 3, reason: "Words on top.", user_words: "vocals up");
        _tools.SetPan("Gtr", -0.5);
        Assert.Equal(0, _session.Console.Track("Lead Vox").GainDb);

        var result = ToolJson.Ok(_tools.Commit());

        Assert.Equal("cs-1", result["id"]!.GetValue<string>());
        Assert.Equal(3, _session.Console.Track("Lead Vox").GainDb);
        Assert.Equal(-0.5, _session.Console.Track("Gtr").Pan);
        Assert.Null(_session.Pending);
        var changeSet = Assert.Single(_session.History.ChangeSets);
        Assert.Equal(2, changeSet.Changes.Length);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero).AddMinutes(2), changeSet.Time);
        Assert.Equal("cs-1", _session.Conversation.LastChangeSetId);

        var reloaded = MixSession.Load(_session.FilePath);
        Assert.Equal(3, reloaded.Console.Track("Lead Vox").GainDb);
    }

    [Fact]
    public void Proposal_then_discard_leaves_the_mix_alone()
    {
        _tools.SetMute("Bass", true);

        var result = ToolJson.Ok(_tools.Discard());

        Assert.Equal("p-1", result["discarded"]!.GetValue<string>());
        Assert.False(_session.Console.Track("Bass").Mute);
        Assert.Null(_session.Pending);
        Assert.Empty(_session.History.ChangeSets);
        Assert.Null(MixSession.Load(_session.FilePath).Pending);
    }

    [Fact]
    public void A_later_request_for_the_same_parameter_replaces_the_earlier_one()
    {
        _tools.SetGain("Kick", 2);
        _tools.SetGain("Kick", 4);

        var change = Assert.Single(_session.Pending!.Changes);
        Assert.Equal(0, change.From.Number);
        Assert.Equal(4, change.To.Number);

        _tools.SetGain("Kick", 0);
        Assert.Null(_session.Pending);
    }

    [Fact]
    public void Pending_proposal_survives_a_reload_so_another_process_can_commit_it()
    {
        _tools.SetGain("Bass", -3, reason: "Less boom.");

        var other = MixSession.Load(_session.FilePath);
        other.Commit();

        Assert.Equal(-3, MixSession.Load(_session.FilePath).Console.Track("Bass").GainDb);
    }

    [Fact]
    public void Undo_and_redo_walk_the_whole_history()
    {
        _tools.SetGain("Kick", 2); _tools.Commit();
        _tools.SetGain("Kick", 5); _tools.Commit();
        _tools.SetPan("Gtr", 0.4); _tools.Commit();

        Assert.Equal("cs-3", ToolJson.Ok(_tools.Undo())["undone"]![0]!.GetValue<string>());
        Assert.Equal(0, _session.Console.Track("Gtr").Pan);
        ToolJson.Ok(_tools.Undo());
        Assert.Equal(2, _session.Console.Track("Kick").GainDb);
        ToolJson.Ok(_tools.Undo());
        Assert.Equal(0, _session.Console.Track("Kick").GainDb);
        Assert.Contains("already undone", ToolJson.Error(_tools.Undo()));

        Assert.Equal("cs-1", ToolJson.Ok(_tools.Redo())["redone"]![0]!.GetValue<string>());
        ToolJson.Ok(_tools.Redo());
        ToolJson.Ok(_tools.Redo());
        Assert.Equal(5, _session.Console.Track("Kick").GainDb);
        Assert.Equal(0.4, _session.Console.Track("Gtr").Pan);
        Assert.Contains("Nothing to redo", ToolJson.Error(_tools.Redo()));
    }

    [Fact]
    public void Committing_after_undo_replaces_the_undone_tail_with_new_ids()
    {
        _tools.SetGain("Kick", 2); _tools.Commit();
        _tools.SetGain("Kick", 5); _tools.Commit();
        _tools.Undo();

        _tools.SetGain("Bass", -1);
        var result = ToolJson.Ok(_tools.Commit());

        Assert.Equal("cs-3", result["id"]!.GetValue<string>());
        Assert.Equal(["cs-1", "cs-3"], _session.History.ChangeSets.Select(c => c.Id));
        Assert.False(_session.History.CanRedo);
        Assert.Equal(2, _session.Console.Track("Kick").GainDb);
    }

    [Fact]
    public void Commit_takes_old_values_from_the_console_at_commit_time()
    {
        _tools.SetGain("Bass", -3);
        var other = MixSession.Load(_session.FilePath);
        other.Propose([new ChangeRequest(MixTarget.ForTrack("Bass"), "gain_db", ParameterValue.Of(-1), new Rationale(RationaleSource.Manual, "x"))]);
        other.Commit();
        other.Propose([new ChangeRequest(MixTarget.ForTrack("Bass"), "gain_db", ParameterValue.Of(-3), new Rationale(RationaleSource.Manual, "y"))]);

        var changeSet = other.Commit();

        Assert.Equal(-1, changeSet.Changes.Single().From.Number);
        other.Undo();
        Assert.Equal(-1, other.Console.Track("Bass").GainDb);
    }

    [Fact]
    public void Explain_after_several_edits_tells_who_set_what_and_why()
    {
        _session.BeginTurn();
        _tools.SetGain("Lead Vox", 2, reason: "I raised the vocal so it sits on top.", user_words: "the vocal is buried");
        _tools.Commit();
        _session.BeginTurn();
        _session.BeginTurn();
        _tools.SetGain("Lead Vox", 3.5, reason: "", user_words: "a bit more, like 3.5");
        _tools.SetEqBand("Lead Vox", 5, freq_hz: 3500, gain_db: 2, reason: "A little presence helps the words cut through.",
            measurement: "the vocal is 4 dB below the guitars between 2 and 5 kHz");
        _tools.Commit();
        _session.BeginTurn();
        _tools.SetCompressor("Lead Vox", threshold_db: -22, ratio: 3, reason: "Evens out the loud lines.");

        string gain = ToolJson.Ok(_tools.Explain("the vocal", "gain"))["explanation"]!.GetValue<string>();
        Assert.Contains("Lead Vox gain_db is +3.5 dB.", gain);
        Assert.Contains("You set this yourself on turn 3, asking \"a bit more, like 3.5\".", gain);
        Assert.Contains("+2 dB → +3.5 dB", gain);
        Assert.Contains("Earlier: cs-1 0 dB → +2 dB", gain);

        string eq = ToolJson.Ok(_tools.Explain("Lead Vox", "eq band 5"))["explanation"]!.GetValue<string>();
        Assert.Contains("I set it on turn 3 from the analysis.", eq);
        Assert.Contains("Measured: the vocal is 4 dB below the guitars between 2 and 5 kHz.", eq);
        Assert.Contains("A little presence helps the words cut through.", eq);
        Assert.DoesNotContain("eq.band5.q", eq);

        string compressor = ToolJson.Ok(_tools.Explain("Lead Vox", "threshold"))["explanation"]!.GetValue<string>();
        Assert.Contains("starting value", compressor);
        Assert.Contains("Pending, not applied yet: proposal p-3 would make it -22 dBFS.", compressor);

        string pan = ToolJson.Ok(_tools.Explain("Kick", "pan"))["explanation"]!.GetValue<string>();
        Assert.Contains("Kick pan is 0. That is the starting value", pan);
    }

    [Fact]
    public void Explain_forgets_undone_changes()
    {
        _tools.SetGain("Kick", 4, reason: "Punchier."); _tools.Commit();
        _tools.Undo();

        string text = _session.Explain("Kick", "gain");

        Assert.Contains("Kick gain_db is 0 dB. That is the starting value", text);
    }

    [Fact]
    public void Manual_values_are_attributed_to_the_user_and_analysis_to_the_assistant()
    {
        _tools.SetPan("Gtr", 0.3);
        _tools.Commit();

        Assert.Contains("You set this yourself.", _session.Explain("Gtr", "pan"));
    }
}
