using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class FastMathTests
{
    [Fact]
    public void Log2_is_within_a_hundred_thousandth_of_Math_Log2_from_silence_to_far_above_full_scale()
    {
        var rng = new Random(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float x = (float)Math.Pow(10, rng.NextDouble() * 40 - 30); // 1e-30 .. 1e10
            worst = Math.Max(worst, Math.Abs(FastMath.Log2(x) - Math.Log2(x)));
        }
        Assert.True(worst < 1e-5, $"worst error {worst} (in dB: {worst * FastMath.DbPerOctaveAmplitude})");
        Assert.Equal(0f, FastMath.Log2(1f));
    }

    [Fact]
    public void Exp2_is_within_a_millionth_relative_of_Math_Pow_and_exact_at_zero()
    {
        var rng = new Random(2);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float x = (float)(rng.NextDouble() * 200 - 100);
            worst = Math.Max(worst, Math.Abs(FastMath.Exp2(x) / Math.Pow(2, x) - 1));
        }
        Assert.True(worst < 1e-6, $"worst relative error {worst}");
        Assert.Equal(1f, FastMath.Exp2(0f)); // 0 dB of gain is exactly unity
        Assert.Equal(0.5f, FastMath.Exp2(-1f));
    }

    [Fact]
    public void Decibel_round_trip_through_both_is_within_a_thousandth_of_a_dB()
    {
        for (double db = -120; db <= 24; db += 0.37)
        {
            float gain = FastMath.Exp2((float)(db / FastMath.DbPerOctaveAmplitude));
            double back = FastMath.Log2(gain) * FastMath.DbPerOctaveAmplitude;
            Assert.InRange(back - db, -1e-3, 1e-3);
            Assert.InRange(20 * Math.Log10(gain) - db, -1e-3, 1e-3);
        }
    }
}
