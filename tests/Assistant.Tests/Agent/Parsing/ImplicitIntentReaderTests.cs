using Mixwright.Assistant.Agent.Parsing;
using Mixwright.Assistant.Agent.Parsing.Steps;

namespace Mixwright.Assistant.Tests.Agent.Parsing;

public sealed class ImplicitIntentReaderTests
{
    private static ClauseReading Read(string text, params Quality[] previous) =>
        ClauseSteps.Read(text, previous, ClauseSteps.Targets, ClauseSteps.ImplicitIntents);

    [Fact]
    public void A_direction_with_no_quality_is_a_level_move()
    {
        Assert.Equal(1, Assert.IsType<LevelIntent>(Assert.Single(Read("snare up").Clause.Intents)).Sign);
        Assert.Equal(-1, Assert.IsType<LevelIntent>(Assert.Single(Read("the guitars are drowning the vocal").Clause.Intents)).Sign);
    }

    [Fact]
    public void Peaks_phrases_ask_for_compression()
    {
        Assert.Equal(1, Assert.IsType<CompressionIntent>(Assert.Single(Read("tame the peaks on the bass").Clause.Intents)).Sign);
    }

    [Fact]
    public void A_compliment_changes_nothing()
    {
        Assert.IsType<PraiseIntent>(Assert.Single(Read("the kick sounds great").Clause.Intents));
    }

    [Fact]
    public void A_bare_direction_borrows_the_previous_clauses_quality()
    {
        var reverb = new Quality(QualityKind.Reverb, 1, null, "reverb");
        Assert.Equal(-1, Assert.IsType<ReverbIntent>(Assert.Single(Read("less on the piano", reverb).Clause.Intents)).Sign);
    }
}
