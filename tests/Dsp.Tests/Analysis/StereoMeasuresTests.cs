using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class StereoMeasuresTests
{
    private static readonly float[] Sine = TestSignals.SineAtDbfs(48000, 1, 440, -6, 1).ChannelArray(0);
    private static readonly float[] Silence = new float[Sine.Length];
    private static readonly float[] Inverted = Sine.Select(v => -v).ToArray();

    private static StereoMeasures Measure(float[] left, float[] right)
    {
        var measures = new StereoMeasures(2);
        measures.Add(new AudioBuffer([left, right], 48000), left.Length);
        return measures;
    }

    [Fact]
    public void Left_only_is_fully_imbalanced_left_and_right_only_fully_right()
    {
        Assert.Equal(-1, Measure(Sine, Silence).Imbalance, 12);
        Assert.Equal(1, Measure(Silence, Sine).Imbalance, 12);
        // One side only: L-R and L+R carry the same energy.
        Assert.Equal(1, Measure(Sine, Silence).Width, 12);
    }

    [Fact]
    public void Identical_channels_have_no_width_and_no_imbalance()
    {
        var m = Measure(Sine, Sine);
        Assert.Equal(0, m.Width);
        Assert.Equal(0, m.Imbalance);
    }

    [Fact]
    public void Opposite_polarity_channels_have_a_huge_but_finite_width()
    {
        // mean((L+R)^2) is 0; Diff-MST clamps the denominator at 1e-8.
        var m = Measure(Sine, Inverted);
        double sideEnergy = Sine.Average(v => 4.0 * v * v);
        Assert.Equal(sideEnergy / StereoMeasures.DenominatorFloor, m.Width, 1e-3 * sideEnergy / StereoMeasures.DenominatorFloor);
        Assert.True(double.IsFinite(m.Width));
        Assert.Equal(0, m.Imbalance, 12);
    }

    [Fact]
    public void Half_level_on_the_right_gives_the_energy_ratio()
    {
        var half = Sine.Select(v => v / 2).ToArray();
        var m = Measure(Sine, half);
        Assert.Equal((0.25 - 1) / (0.25 + 1), m.Imbalance, 6);
        Assert.Equal(0.25 / 2.25, m.Width, 6); // (1 - 1/2)^2 / (1 + 1/2)^2
    }

    [Fact]
    public void Mono_and_silence_read_zero()
    {
        var mono = new StereoMeasures(1);
        mono.Add(new AudioBuffer([Sine], 48000), Sine.Length);
        Assert.Equal((0.0, 0.0), (mono.Width, mono.Imbalance));
        var silent = Measure(Silence, Silence);
        Assert.Equal((0.0, 0.0), (silent.Width, silent.Imbalance));
    }

    [Fact]
    public void More_than_two_channels_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StereoMeasures(6));
        Assert.Equal("channels", error.ParamName);
    }
}
