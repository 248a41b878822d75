using Mixwright.Dsp.Analysis;

namespace Mixwright.Dsp.Tests.Analysis;

public class KWeightingTests
{
    [Fact]
    public void Reproduces_the_published_48_kHz_coefficients()
    {
        // ITU-R BS.1770-4, tables 1 and 2.
        var shelf = KWeighting.HighShelf(48000);
        Assert.Equal(1.53512485958697, shelf.B0, 1e-8);
        Assert.Equal(-2.69169618940638, shelf.B1, 1e-8);
        Assert.Equal(1.19839281085285, shelf.B2, 1e-8);
        Assert.Equal(-1.69065929318241, shelf.A1, 1e-8);
        Assert.Equal(0.73248077421585, shelf.A2, 1e-8);

        var highPass = KWeighting.HighPass(48000);
        Assert.Equal((1.0, -2.0, 1.0), (highPass.B0, highPass.B1, highPass.B2));
        Assert.Equal(-1.99004745483398, highPass.A1, 1e-8);
        Assert.Equal(0.99007225036621, highPass.A2, 1e-8);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(32000)]
    [InlineData(96000)]
    public void Other_rates_have_the_same_response_as_48_kHz_across_the_audible_band(int rate)
    {
        foreach (double hz in new[] { 20.0, 50, 100, 500, 1000, 2000, 5000, 10000 })
        {
            double reference = Response(48000, hz), other = Response(rate, hz);
            Assert.True(Math.Abs(reference - other) < 0.05, $"{hz} Hz at {rate} Hz: {other:F3} dB vs {reference:F3} dB at 48 kHz");
        }
    }

    [Fact]
    public void Gains_about_0_691_dB_at_1_kHz_which_the_loudness_offset_cancels()
    {
        Assert.InRange(Response(48000, 1000), -Loudness.OffsetDb - 0.01, -Loudness.OffsetDb + 0.01);
        Assert.InRange(Response(44100, 1000), -Loudness.OffsetDb - 0.01, -Loudness.OffsetDb + 0.01);
    }

    [Fact]
    public void Sum_of_squares_matches_filtering_then_squaring_across_calls()
    {
        var rng = new Random(4);
        var x = Enumerable.Range(0, 3000).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var filtered = new float[x.Length];
        new KWeighting(44100).Process(x, filtered);

        var streaming = new KWeighting(44100);
        double sum = streaming.FilterSumOfSquares(x.AsSpan(0, 1234)) + streaming.FilterSumOfSquares(x.AsSpan(1234));
        Assert.Equal(filtered.Sum(v => (double)v * v), sum, 1e-4);
    }

    [Fact]
    public void Rejects_a_rate_too_low_for_the_shelf()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KWeighting(3000));
        Assert.Equal("sampleRate", error.ParamName);
    }

    private static double Response(int rate, double hz) =>
        KWeighting.HighShelf(rate).MagnitudeDb(hz, rate) + KWeighting.HighPass(rate).MagnitudeDb(hz, rate);
}
