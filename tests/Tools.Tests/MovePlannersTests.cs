using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Moves;

namespace Mixwright.Tools.Tests;

public sealed class MovePlannersTests
{
    [Fact]
    public void Bells_go_to_the_flat_band_resting_nearest_the_frequency()
    {
        var flat = ParametricEqSettings.Flat;
        Assert.Equal(2, EqPlanner.Plan(flat, EqBandType.Peaking, 220, null, -3, null).Band);
        Assert.Equal(3, EqPlanner.Plan(flat, EqBandType.Peaking, 450, null, -3, null).Band);
        Assert.Equal(5, EqPlanner.Plan(flat, EqBandType.Peaking, 5000, null, 2, null).Band);
        Assert.Equal(1, EqPlanner.Plan(flat, EqBandType.LowShelf, 120, null, 2, null).Band);
    }

    [Fact]
    public void When_every_bell_is_busy_the_nearest_one_moves_and_its_old_gain_is_not_added()
    {
        var eq = ParametricEqSettings.Flat;
        for (int i = 1; i <= 4; i++) eq = eq.WithBand(i, eq.Bands[i] with { GainDb = -2 });
        var plan = EqPlanner.Plan(eq, EqBandType.Peaking, 900, null, 3, 2);
        Assert.False(plan.Reused);
        Assert.Equal((900.0, 3.0, 2.0), (plan.After.FrequencyHz, plan.After.GainDb, plan.After.Q));
    }

    [Fact]
    public void A_fraction_of_a_step_from_off_is_a_gentle_setting_and_steps_compose()
    {
        var gentle = CompressionSteps.Apply(CompressorSettings.Off, 0.33, -20, -8);
        Assert.True(gentle.Enabled);
        Assert.True(gentle.Ratio < 2);
        var one = CompressionSteps.Apply(CompressorSettings.Off, 1, -20, -8);
        Assert.Equal(-14, one.ThresholdDb);
        var two = CompressionSteps.Apply(one, 1, -20, -8);
        Assert.Equal((-18.0, 2.5), (two.ThresholdDb, two.Ratio));
        Assert.Equal(one with { }, CompressionSteps.Apply(two, -1, -20, -8));
        Assert.Throws<InvalidOperationException>(() => CompressionSteps.Apply(CompressorSettings.Off, -1, null, null));
    }
}
