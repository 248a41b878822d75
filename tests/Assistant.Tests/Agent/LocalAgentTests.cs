using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Evaluation;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>The agent loop on the local back-end: confirm, refine, filter, ask, and carry on in a new process.</summary>
public sealed class LocalAgentTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mixwright-agent-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly MixSession _session;
    private readonly DspMixEngine _engine;

    public LocalAgentTests() =>
        (_session, _engine) = SyntheticSession.Create(_dir, [("Lead Vocal", "vocals"), ("Bass DI", "bass"), ("Kick", "kick"), ("Gtr L", "guitar"), ("Gtr R", "guitar")]);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A fresh agent on a fresh handle of the session file, as the next `mixwright ask` would have.</summary>
    private MixAgent NewAgent(bool yes = false)
    {
        var session = MixSession.Load(_session.FilePath);
        return new MixAgent(session, new ToolRunner(new MixTools(session, _engine, new DescriptorResolver(PromptLibrary.Default))), MixAgent.LocalBackend, new AgentOptions { AutoConfirm = yes });
    }

    private static AgentTurn Say(MixAgent agent, string text) => agent.AskAsync(text).GetAwaiter().GetResult();

    [Fact]
    public void Nothing_changes_until_the_user_confirms_and_the_proposal_survives_between_processes()
    {
        var turn = Say(NewAgent(), "bring the kick and the bass up 2 dB");
        Assert.Equal(["Bass DI", "Kick"], turn.Proposal!.Select(r => r.Track).Order());
        Assert.False(turn.Committed);
        Assert.Empty(MixSession.Load(_session.FilePath).History.ChangeSets);

        var partial = Say(NewAgent(), "apply only the kick part");
        Assert.True(partial.Committed);
        var console = MixSession.Load(_session.FilePath).Console;
        Assert.Equal((2.0, 0.0), (console.Track("Kick").GainDb, console.Track("Bass DI").GainDb));
        Assert.Null(partial.Proposal);
    }

    [Fact]
    public void Refinements_rework_the_pending_proposal()
    {
        var agent = NewAgent();
        Say(agent, "make the guitars and the bass louder");
        var without = Say(agent, "not the bass");
        Assert.DoesNotContain(without.Proposal!, r => r.Track == "Bass DI");
        var less = Say(agent, "a bit less");
        double before = double.Parse(without.Proposal![0].To.Replace(" dB", ""), System.Globalization.CultureInfo.InvariantCulture);
        double after = double.Parse(less.Proposal![0].To.Replace(" dB", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after < before, $"{after} < {before}");
        Assert.True(Say(agent, "no").Proposal is null);
        Assert.Null(MixSession.Load(_session.FilePath).Pending);
    }

    [Fact]
    public void A_question_is_answered_in_the_next_turn_and_the_rationale_quotes_the_whole_request()
    {
        var question = Say(NewAgent(), "make the guitar darker");
        Assert.NotNull(question.Question);
        Assert.Null(question.Proposal);

        var answered = Say(NewAgent(), "Gtr R");
        Assert.All(answered.Proposal!, r => Assert.Equal("Gtr R", r.Track));
        var change = MixSession.Load(_session.FilePath).Pending!.Changes[0];
        Assert.Equal("make the guitar darker / Gtr R", change.Rationale.Quote);
        Assert.Equal(RationaleSource.Descriptor, change.Rationale.Source);
    }

    [Fact]
    public void With_yes_a_turn_commits_and_the_explanation_uses_the_templates()
    {
        var turn = Say(NewAgent(yes: true), "lower the bass by 3 dB");
        Assert.True(turn.Committed);
        var why = Say(NewAgent(), "why is the bass so quiet?");
        Assert.Contains("I lowered Bass DI by 3 dB", why.Reply);
        Assert.Contains("lower the bass by 3 dB", why.Reply);
    }
}
