using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class InterSamplePeakEstimatorTests
{
    /// <summary>Estimates for every sample of <paramref name="x"/> (silence before it).</summary>
    private static float[] Estimate(float[] x)
    {
        int history = InterSamplePeakEstimator.Support - 1;
        var input = new float[history + x.Length + InterSamplePeakEstimator.ReadPastEnd];
        x.CopyTo(input, history);
        var peaks = new float[x.Length];
        InterSamplePeakEstimator.Estimate(input, peaks, new float[InterSamplePeakEstimator.ScratchLength(x.Length)]);
        return peaks;
    }

    [Fact]
    public void Never_reads_below_the_TruePeakDetector_on_the_same_stretch_of_waveform()
    {
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var x = TestSignals.WhiteNoiseSamples(20000, 0.5, seed);
            var estimate = Estimate(x);
            var detector = new TruePeakDetector();
            // The estimate for sample s covers the stretch the detector reports 17 samples earlier.
            const int lag = InterSamplePeakEstimator.TapsPerPhase / 2 + 1 - TruePeakDetector.LatencySamples;
            for (int n = 0; n < x.Length; n++)
            {
                float meter = detector.Next(x[n]);
                // Same coefficients, summed in another order: equal to float rounding.
                if (n + lag < x.Length)
                    Assert.True(estimate[n + lag] >= meter - 1e-6f * (1 + meter), $"seed {seed}, sample {n}: estimate {estimate[n + lag]} < detector {meter}");
            }
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.4)]
    [InlineData(0.44)]
    public void Reads_steady_tones_at_their_level_up_to_0_44_fs(double cyclesPerSample)
    {
        var x = Enumerable.Range(0, 3000).Select(n => (float)(0.5 * Math.Cos(2 * Math.PI * cyclesPerSample * n + 0.3))).ToArray();
        float peak = Estimate(x).Skip(200).Max();
        Assert.InRange(TestSignals.Db(peak / 0.5), -0.01, 0.12); // it may read a little high (its refinement is an upper estimate), never low
    }

    [Fact]
    public void Stays_within_its_bound()
    {
        var x = TestSignals.WhiteNoiseSamples(5000, 1, seed: 9);
        Assert.All(Estimate(x), p => Assert.True(p <= InterSamplePeakEstimator.Bound * 1.0001f));
    }
}
