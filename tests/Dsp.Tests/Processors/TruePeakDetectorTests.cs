using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class TruePeakDetectorTests
{
    [Fact]
    public void Finds_the_peak_between_samples_of_a_quarter_rate_sine()
    {
        // Sampled at 45 degrees, every sample reads 0.707 while the waveform reaches 1.0.
        var x = Enumerable.Range(0, 4000).Select(n => (float)Math.Sin(Math.PI / 2 * n + Math.PI / 4)).ToArray();
        var detector = new TruePeakDetector();
        float peak = detector.Process(x);
        Assert.InRange(x.Max(), 0.70f, 0.71f);
        Assert.InRange(20 * Math.Log10(peak), -0.1, 0.1);
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(1000.0)]
    [InlineData(10000.0)]
    [InlineData(17000.0)]
    [InlineData(19000.0)]
    public void Reads_a_full_scale_sine_at_0_dBTP_across_the_band(double freqHz)
    {
        var x = Enumerable.Range(0, 44100).Select(n => (float)Math.Sin(2 * Math.PI * freqHz * n / 44100 + 0.3)).ToArray();
        var detector = new TruePeakDetector();
        detector.Process(x.AsSpan(0, 1000)); // a sine switched on from silence rings; measure once settled
        float peak = detector.Process(x.AsSpan(1000));
        Assert.InRange(20 * Math.Log10(peak), -0.15, 0.1);
    }

    [Fact]
    public void A_settled_constant_signal_reads_as_itself()
    {
        // The step from silence rings (a real DAC overshoots too), so only the settled value is checked.
        var detector = new TruePeakDetector();
        float last = 0;
        for (int n = 0; n < 200; n++) last = detector.Next(0.5f);
        Assert.Equal(0.5f, last, 3);
    }

    [Fact]
    public void Skipping_by_the_bound_never_changes_the_answer()
    {
        var rng = new Random(7);
        var x = Enumerable.Range(0, 8192).Select(n => (float)(rng.NextDouble() * 2 - 1) * (n < 4096 ? 1f : 0.01f)).ToArray();
        var perSample = new TruePeakDetector();
        float expected = x.Select(perSample.Next).Max();
        var blocks = new TruePeakDetector();
        float peak = 0;
        for (int i = 0; i < x.Length; i += 512) peak = blocks.Process(x.AsSpan(i, 512), peak);
        // Block filtering sums the taps in another order than the per-sample path: equal to float rounding.
        Assert.Equal(expected, peak, 5);
    }
}
