using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Agent.Parsing;

namespace Mixwright.Assistant.Tests.Agent.Parsing;

public sealed class ExplicitSettingsReaderTests
{
    [Fact]
    public void Compressor_values_are_read_beside_their_names_and_spent()
    {
        var reading = ClauseSteps.Read("snare compressor ratio 4 threshold -20 dB attack 10 ms", ClauseSteps.Targets, ClauseSteps.ExplicitSettings);
        var comp = Assert.IsType<CompressionIntent>(Assert.Single(reading.Clause.Intents));
        Assert.Equal((4.0, -20.0, 10.0), (comp.Ratio, comp.ThresholdDb, comp.AttackMs));
        Assert.Equal(3, reading.Consumed.Count);
    }

    [Fact]
    public void A_frequency_with_an_amount_is_an_eq_move()
    {
        var reading = ClauseSteps.Read("cut 300 Hz by 3 dB on the piano", ClauseSteps.Targets, ClauseSteps.ExplicitSettings);
        Assert.Equal(new EqIntent("peak", 300, -3, InterpreterDefaults.EqQ), Assert.Single(reading.Clause.Intents));
    }

    [Fact]
    public void Spreading_several_tracks_apart_is_noted_for_the_later_steps()
    {
        var reading = ClauseSteps.Read("pan the guitars apart", ClauseSteps.Targets, ClauseSteps.ExplicitSettings);
        Assert.IsType<PanSpreadIntent>(Assert.Single(reading.Clause.Intents));
        Assert.True(reading.Spread);
    }

    [Fact]
    public void A_loudness_target_is_a_master_setting()
    {
        var reading = ClauseSteps.Read("master at -14 LUFS", ClauseSteps.ExplicitSettings);
        Assert.Equal(new MasterIntent(-14, null), Assert.Single(reading.Clause.Intents));
    }
}
