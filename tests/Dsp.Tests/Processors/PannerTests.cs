using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class PannerTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.5)]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void The_mono_pan_law_keeps_power_constant(double pan)
    {
        var (l, r) = Panner.MonoGains(pan);
        Assert.Equal(2.0, l * l + r * r, 5);
    }

    [Fact]
    public void Centre_is_unity_and_hard_left_is_left_only()
    {
        Assert.Equal((1f, 1f), Panner.MonoGains(0));
        var (l, r) = Panner.MonoGains(-1);
        Assert.Equal(Math.Sqrt(2), l, 5);
        Assert.Equal(0, r, 6);
    }

    [Fact]
    public void Width_zero_folds_a_stereo_stem_to_mono_and_two_doubles_the_side()
    {
        var input = new AudioBuffer([[1f, 0.5f], [0f, 0.5f]], 44100);
        var output = new AudioBuffer(2, 2, 44100);

        Panner.Process(input, output, 2, pan: 0, width: 0);
        Assert.Equal(output.Channel(0).ToArray(), output.Channel(1).ToArray());
        Assert.Equal(0.5f, output.Channel(0)[0]);

        Panner.Process(input, output, 2, pan: 0, width: 2);
        // mid 0.5, side 2 x 0.5
        Assert.Equal(1.5f, output.Channel(0)[0]);
        Assert.Equal(-0.5f, output.Channel(1)[0]);
    }

    [Fact]
    public void Balance_turns_only_the_opposite_side_down()
    {
        var input = new AudioBuffer([[1f], [1f]], 44100);
        var output = new AudioBuffer(2, 1, 44100);
        Panner.Process(input, output, 1, pan: 0.5, width: 1);
        Assert.Equal(1f, output.Channel(1)[0]);
        Assert.Equal(Math.Cos(Math.PI / 4), output.Channel(0)[0], 5);
    }
}
