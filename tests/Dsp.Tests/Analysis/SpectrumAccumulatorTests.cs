using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class SpectrumAccumulatorTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(8192)]
    public void The_fft_agrees_with_MathNet(int size)
    {
        var rng = new Random(size);
        double[] re = Enumerable.Range(0, size).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double[] im = Enumerable.Range(0, size).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var expected = re.Zip(im, (a, b) => new Complex(a, b)).ToArray();
        Fourier.Forward(expected, FourierOptions.NoScaling);

        new ComplexFft(size).Forward(re, im);
        for (int k = 0; k < size; k++)
            Assert.True((expected[k] - new Complex(re[k], im[k])).Magnitude < 1e-9 * Math.Sqrt(size), $"bin {k}");
    }

    [Theory]
    [InlineData(44100, 8192)]
    [InlineData(48000, 8192)]
    [InlineData(96000, 16384)]
    [InlineData(22050, 4096)]
    public void Frame_size_is_8192_at_44_1_and_48_kHz_and_scales_with_the_rate(int rate, int expected) =>
        Assert.Equal(expected, SpectrumAccumulator.FftSizeFor(rate));

    [Fact]
    public void A_sine_shows_its_amplitude_at_its_bin_and_its_mean_square_in_total_power()
    {
        const int bin = 171; // a bin-centred frequency, so no scalloping loss
        double hz = bin * 48000.0 / 8192;
        var spectrum = Average(TestSignals.SineAtDbfs(48000, 3, hz, -6, 1));
        double amplitude = TestSignals.DbToAmplitude(-6);
        // Mono is read as dual mono, so the mid (L+R) carries twice the signal.
        Assert.Equal(2 * amplitude, spectrum.MidMagnitude[bin], 0.02);
        Assert.Equal(2 * amplitude * (2 * amplitude) / 2, spectrum.MidPower.Sum(), 0.01);
        Assert.True(spectrum.SidePower.Sum() < 1e-20, "mono has no side");
    }

    [Fact]
    public void Side_carries_what_differs_between_the_channels()
    {
        var left = TestSignals.SineAtDbfs(44100, 2, 500, -6, 1).ChannelArray(0);
        var right = left.Select(v => -v).ToArray();
        var spectrum = Average(new AudioBuffer([left, right], 44100));
        Assert.True(spectrum.MidPower.Sum() < 1e-20);
        Assert.Equal(4 * 0.5 * Math.Pow(TestSignals.DbToAmplitude(-6), 2), spectrum.SidePower.Sum(), 0.01);
    }

    [Fact]
    public void Reading_mid_stream_changes_nothing_and_streaming_equals_one_pass()
    {
        var audio = TestSignals.PinkNoise(44100, 2, 2);
        var whole = Average(audio);
        var streamed = new SpectrumAccumulator(44100, 2);
        int calls = 0;
        TestSignals.Stream(audio, 1000, (block, frames) =>
        {
            streamed.Add(block, frames);
            if (++calls % 7 == 0) streamed.Average(); // a progress read must not disturb the sums
        });
        var result = streamed.Average();
        Assert.Equal(whole.Frames, result.Frames);
        for (int k = 0; k < whole.BinCount; k++)
        {
            Assert.Equal(whole.MidMagnitude[k], result.MidMagnitude[k], 1e-12);
            Assert.Equal(whole.SidePower[k], result.SidePower[k], 1e-12);
        }
    }

    [Fact]
    public void A_clip_shorter_than_one_frame_still_has_a_spectrum()
    {
        var spectrum = Average(TestSignals.SineAtDbfs(48000, 0.05, 2000, 0));
        Assert.Equal(1, spectrum.Frames);
        // 50 ms of full-scale L = R: mid amplitude 2, mean square 2, all of it near 2 kHz.
        Assert.Equal(2.0, spectrum.MidPower.Sum(), 0.02);
        double nearTone = Enumerable.Range(0, spectrum.BinCount)
            .Where(k => Math.Abs(spectrum.BinFrequency(k) - 2000) < 200).Sum(k => spectrum.MidPower[k]);
        Assert.True(nearTone > 0.99 * spectrum.MidPower.Sum());
    }

    private static AveragedSpectrum Average(AudioBuffer audio)
    {
        var accumulator = new SpectrumAccumulator(audio.SampleRate, audio.ChannelCount);
        accumulator.Add(audio, audio.Frames);
        return accumulator.Average();
    }
}
