using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Agent.Parsing;
using Mixwright.Assistant.Agent.Parsing.Steps;

namespace Mixwright.Assistant.Tests.Agent.Parsing;

public sealed class AmountBinderTests
{
    private static readonly IClauseStep[] BeforeAmounts =
        [ClauseSteps.Targets, ClauseSteps.ExplicitSettings, ClauseSteps.Polarity, ClauseSteps.ImplicitIntents];

    private static ChangeIntent Bound(string text) =>
        Assert.Single(ClauseSteps.Read(text, [.. BeforeAmounts, ClauseSteps.Amounts]).Clause.Intents);

    [Fact]
    public void An_amount_goes_to_the_level_move_it_belongs_to()
    {
        var unbound = Assert.IsType<LevelIntent>(Assert.Single(ClauseSteps.Read("vocals up 3 dB", BeforeAmounts).Clause.Intents));
        Assert.Null(unbound.DeltaDb);
        Assert.Equal(3, Assert.IsType<LevelIntent>(Bound("vocals up 3 dB")).DeltaDb);
    }

    [Fact]
    public void A_bare_signed_amount_is_a_level_change()
    {
        Assert.Empty(ClauseSteps.Read("kick -3 dB", BeforeAmounts).Clause.Intents);
        Assert.Equal(new LevelIntent(-1, InterpreterDefaults.UnmarkedIntensity, DeltaDb: -3), Bound("kick -3 dB"));
    }

    [Fact]
    public void An_amount_goes_to_the_reverb_send_when_there_is_no_level_move()
    {
        Assert.Equal(4, Assert.IsType<ReverbIntent>(Bound("more reverb on the snare by 4 dB")).DeltaDb);
    }
}
