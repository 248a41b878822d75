using Mixwright.Assistant.Agent.Parsing;

namespace Mixwright.Assistant.Tests.Agent.Parsing;

public sealed class QualityPolarityReaderTests
{
    private static DescriptorIntent Descriptor(string text) =>
        Assert.IsType<DescriptorIntent>(Assert.Single(ClauseSteps.Read(text, ClauseSteps.Targets, ClauseSteps.Polarity).Clause.Intents));

    [Fact]
    public void A_stated_fault_is_a_complaint_and_asks_for_less()
    {
        var reading = ClauseSteps.Read("the kick is boomy", ClauseSteps.Targets, ClauseSteps.Polarity);
        Assert.True(Assert.IsType<DescriptorIntent>(Assert.Single(reading.Clause.Intents)).Negate);
        Assert.Equal(ClauseMode.Complaint, reading.Clause.Mode);
    }

    [Fact]
    public void A_request_asks_for_more()
    {
        Assert.False(Descriptor("make the kick boomy").Negate);
    }

    [Fact]
    public void Markers_decide_before_the_mode()
    {
        Assert.False(Descriptor("the bass is not fat enough").Negate);
        Assert.True(Descriptor("the pad is way too bright").Negate);
        Assert.Equal(1.0, Descriptor("the pad is way too bright").Intensity);
    }

    [Fact]
    public void A_direction_after_the_quality_counts_too()
    {
        var reading = ClauseSteps.Read("the reverb on the snare down", ClauseSteps.Targets, ClauseSteps.Polarity);
        Assert.Equal(-1, Assert.IsType<ReverbIntent>(Assert.Single(reading.Clause.Intents)).Sign);
    }
}
