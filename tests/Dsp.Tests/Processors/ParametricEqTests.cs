using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class ParametricEqTests
{
    private const int Fs = 44100;

    private static readonly ParametricEqSettings Busy = new(
    [
        new EqBand(EqBandType.LowShelf, 90, 4, 0.8),
        new EqBand(EqBandType.Peaking, 250, -5, 1.2),
        new EqBand(EqBandType.Peaking, 700, 3, 2.5),
        new EqBand(EqBandType.Peaking, 2500, -2.5, 0.7),
        new EqBand(EqBandType.Peaking, 6000, 6, 4),
        new EqBand(EqBandType.HighShelf, 11000, -4, 0.6),
    ]);

    public static TheoryData<EqBandType, double, double, double> SingleBands => new()
    {
        { EqBandType.LowShelf, 100, 6, 0.707 },
        { EqBandType.LowShelf, 300, -9, 1.5 },
        { EqBandType.LowShelf, 20, 12, 0.3 },
        { EqBandType.Peaking, 1000, 12, 2 },
        { EqBandType.Peaking, 40, -10, 0.5 },
        { EqBandType.Peaking, 8000, 6, 8 },
        { EqBandType.Peaking, 25, 8, 10 },
        { EqBandType.HighShelf, 5000, -6, 0.707 },
        { EqBandType.HighShelf, 12000, 8, 0.4 },
    };

    [Theory]
    [MemberData(nameof(SingleBands))]
    public void Measured_response_of_each_band_matches_the_cookbook_design(EqBandType type, double freq, double gain, double q)
    {
        int index = type switch { EqBandType.LowShelf => 0, EqBandType.HighShelf => 5, _ => 2 };
        var eq = ParametricEqSettings.Flat.WithBand(index, new EqBand(type, freq, gain, q));
        var design = type switch
        {
            EqBandType.LowShelf => BiquadCoefficients.LowShelf(Fs, freq, gain, q),
            EqBandType.HighShelf => BiquadCoefficients.HighShelf(Fs, freq, gain, q),
            _ => BiquadCoefficients.Peaking(Fs, freq, gain, q),
        };
        AssertMeasuredResponse(eq, null, f => design.MagnitudeDb(f, Fs));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(80)]
    [InlineData(1000)]
    public void Measured_response_of_the_high_pass_matches_a_Butterworth_biquad(double freq)
    {
        var design = BiquadCoefficients.HighPass(Fs, freq);
        AssertMeasuredResponse(ParametricEqSettings.Flat, new HighPassSettings(true, freq), f => design.MagnitudeDb(f, Fs));
    }

    [Fact]
    public void ResponseDb_is_the_product_of_the_sections_and_what_the_chain_really_does()
    {
        var hp = new HighPassSettings(true, 35);
        var sections = new[]
        {
            BiquadCoefficients.HighPass(Fs, 35),
            BiquadCoefficients.LowShelf(Fs, 90, 4, 0.8),
            BiquadCoefficients.Peaking(Fs, 250, -5, 1.2),
            BiquadCoefficients.Peaking(Fs, 700, 3, 2.5),
            BiquadCoefficients.Peaking(Fs, 2500, -2.5, 0.7),
            BiquadCoefficients.Peaking(Fs, 6000, 6, 4),
            BiquadCoefficients.HighShelf(Fs, 11000, -4, 0.6),
        };
        foreach (double f in OctaveCentres())
            Assert.Equal(sections.Sum(s => s.MagnitudeDb(f, Fs)), ParametricEq.ResponseDb(Busy, hp, f, Fs), 9);
        AssertMeasuredResponse(Busy, hp, f => ParametricEq.ResponseDb(Busy, hp, f, Fs));

        // Without the high-pass it does not count.
        Assert.Equal(sections.Skip(1).Sum(s => s.MagnitudeDb(1000, Fs)), ParametricEq.ResponseDb(Busy, null, 1000, Fs), 9);
        Assert.Equal(0, ParametricEq.ResponseDb(ParametricEqSettings.Flat, HighPassSettings.Off, 1000, Fs));
    }

    [Fact]
    public void A_flat_EQ_is_bit_transparent_even_after_an_active_one_drained()
    {
        var noise = TestSignals.WhiteNoiseSamples(20000, 0.5, seed: 3);
        var eq = new ParametricEq();
        eq.Prepare(Fs, 2);
        eq.Update(ParametricEqSettings.Flat, HighPassSettings.Off);
        var audio = TestSignals.Buffer(Fs, noise, noise.Reverse().ToArray());
        TestSignals.InBlocks(audio, 512, eq.Process);
        Assert.Equal(noise, audio.ChannelArray(0));
        Assert.Equal(noise.Reverse(), audio.ChannelArray(1));

        // Active for a while, then flat again: after the two-sample drain the output is the input.
        eq.Update(Busy, new HighPassSettings(true, 80));
        TestSignals.InBlocks(TestSignals.Buffer(Fs, noise, noise), 512, eq.Process);
        eq.Update(ParametricEqSettings.Flat);
        var first = TestSignals.Buffer(Fs, noise[..512], noise[..512]);
        eq.Process(first, 512);
        Assert.NotEqual(noise[0], first.ChannelArray(0)[0]); // the ringing state drains into the first samples
        Assert.Equal(noise[2..512], first.ChannelArray(0)[2..]);
        var later = TestSignals.Buffer(Fs, noise, noise);
        TestSignals.InBlocks(later, 512, eq.Process);
        Assert.Equal(noise, later.ChannelArray(0));
    }

    [Fact]
    public void Changing_coefficients_mid_stream_keeps_the_state_so_the_output_stays_continuous()
    {
        // A 100 Hz tone through a +12 dB bell at 100 Hz; between two blocks the bell moves to -12 dB.
        var tone = TestSignals.SineSamples(Fs, Fs, 100, 0.1);
        var eq = new ParametricEq();
        eq.Prepare(Fs, 1);
        var boost = ParametricEqSettings.Flat.WithBand(1, new EqBand(EqBandType.Peaking, 100, 12, 1));
        var cut = ParametricEqSettings.Flat.WithBand(1, new EqBand(EqBandType.Peaking, 100, -12, 1));
        eq.Update(boost);
        var audio = TestSignals.Buffer(Fs, tone);
        const int change = 22050;
        eq.Process(audio, change);
        var rest = TestSignals.Buffer(Fs, tone[change..]);
        eq.Update(cut);
        eq.Process(rest, rest.Frames);
        var y = audio.ChannelArray(0)[..change].Concat(rest.ChannelArray(0)).ToArray();

        Assert.All(y, v => Assert.True(float.IsFinite(v)));
        // Steady slope of the boosted tone: 2π·100/44100 · 0.4 per sample. A filter restarted from zero
        // state would jump by the whole boosted amplitude at the change; kept state stays near the slope.
        double steadyStep = 2 * Math.PI * 100 / Fs * 0.1 * Math.Pow(10, 12 / 20.0);
        double jump = Math.Abs(y[change] - y[change - 1]);
        Assert.True(jump < 3 * steadyStep, $"jump {jump} vs steady step {steadyStep}");

        // Reset would have produced a discontinuity: compare with a restarted filter on the same input.
        var restarted = new ParametricEq();
        restarted.Prepare(Fs, 1);
        restarted.Update(cut);
        var fresh = TestSignals.Buffer(Fs, tone[change..]);
        restarted.Process(fresh, fresh.Frames);
        Assert.NotEqual(fresh.ChannelArray(0)[0], rest.ChannelArray(0)[0]);

        // And it settles to the new response: -12 dB on the tone.
        double settled = TestSignals.Rms(rest.ChannelArray(0).AsSpan(11025)) / TestSignals.Rms(tone.AsSpan(change + 11025));
        Assert.InRange(TestSignals.Db(settled), -12.05, -11.95);
    }

    [Fact]
    public void The_result_does_not_depend_on_block_size_or_channel_layout()
    {
        var noise = TestSignals.WhiteNoiseSamples(6000, 0.5, seed: 11);
        var reference = Run(TestSignals.Buffer(Fs, noise, noise), 6000);
        foreach (int block in new[] { 1, 3, 7, 16, 100, 1023 })
            Assert.Equal(reference.ChannelArray(0), Run(TestSignals.Buffer(Fs, noise, noise), block).ChannelArray(0));

        // Mono, and a third channel sharing a pair with nothing, filter exactly like a stereo lane.
        Assert.Equal(reference.ChannelArray(0), Run(TestSignals.Buffer(Fs, noise), 512).ChannelArray(0));
        var three = Run(TestSignals.Buffer(Fs, noise, noise, noise), 512);
        for (int c = 0; c < 3; c++) Assert.Equal(reference.ChannelArray(0), three.ChannelArray(c));

        static AudioBuffer Run(AudioBuffer audio, int block)
        {
            var eq = new ParametricEq();
            eq.Prepare(Fs, audio.ChannelCount);
            eq.Update(Busy, new HighPassSettings(true, 50));
            TestSignals.InBlocks(audio, block, eq.Process);
            return audio;
        }
    }

    [Fact]
    public void The_skewed_vector_kernel_equals_the_plain_sample_loop_bit_for_bit()
    {
        var rng = new Random(5);
        for (int count = 1; count <= BiquadCascade.MaxSections; count++)
        {
            var sections = Enumerable.Range(0, count).Select(_ => BiquadCoefficients.Peaking(Fs,
                20 * Math.Pow(1000, rng.NextDouble()), rng.NextDouble() * 30 - 15, 0.2 + rng.NextDouble() * 5)).ToArray();
            var left = TestSignals.WhiteNoiseSamples(777, 1, seed: count);
            var right = TestSignals.WhiteNoiseSamples(777, 1, seed: 100 + count);
            float[] l1 = (float[])left.Clone(), r1 = (float[])right.Clone(), l2 = (float[])left.Clone(), r2 = (float[])right.Clone();
            double[] a1 = new double[2 * count], a2 = new double[2 * count], b1 = new double[2 * count], b2 = new double[2 * count];
            for (int start = 0; start < 777; start += 259) // several blocks so the carried state is compared too
            {
                BiquadCascade.Process(l1.AsSpan(start, 259), r1.AsSpan(start, 259), sections, a1, a2);
                BiquadCascade.ProcessScalar(l2.AsSpan(start, 259), r2.AsSpan(start, 259), sections, b1, b2);
            }
            Assert.Equal(l2, l1);
            Assert.Equal(r2, r1);
            Assert.Equal(b1, a1);
            Assert.Equal(b2, a2);
        }
    }

    [Fact]
    public void Process_and_Update_allocate_nothing()
    {
        var eq = new ParametricEq();
        eq.Prepare(Fs, 2);
        eq.Update(Busy, new HighPassSettings(true, 40));
        var audio = TestSignals.Buffer(Fs, TestSignals.WhiteNoiseSamples(2048, 0.5, 1), TestSignals.WhiteNoiseSamples(2048, 0.5, 2));
        eq.Process(audio, 2048);
        var automation = Enumerable.Range(0, 10).Select(i => new HighPassSettings(true, 40 + i)).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            eq.Update(Busy, automation[i]); // a new setting every block
            eq.Process(audio, 1000 + i);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Misuse_is_reported_clearly()
    {
        var eq = new ParametricEq();
        Assert.Contains("Prepare", Assert.Throws<InvalidOperationException>(() => eq.Update(Busy)).Message);
        eq.Prepare(Fs, 2);
        var mono = new AudioBuffer(1, 64, Fs);
        Assert.Contains("2 channel", Assert.Throws<ArgumentException>(() => eq.Process(mono, 64)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => eq.Process(new AudioBuffer(2, 64, Fs), 65));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParametricEq.ResponseDb(Busy, null, 30000, Fs));
    }

    private static IEnumerable<double> OctaveCentres() => Enumerable.Range(0, 10).Select(k => 31.25 * Math.Pow(2, k));

    /// <summary>FFT of the impulse response versus <paramref name="expectedDb"/> at 200 log-spaced frequencies.</summary>
    private static void AssertMeasuredResponse(ParametricEqSettings settings, HighPassSettings? hp, Func<double, double> expectedDb)
    {
        const int n = 1 << 16;
        var impulse = new float[n];
        impulse[0] = 1;
        var eq = new ParametricEq();
        eq.Prepare(Fs, 1);
        eq.Update(settings, hp);
        var audio = TestSignals.Buffer(Fs, impulse);
        TestSignals.InBlocks(audio, 1024, eq.Process);
        var spectrum = audio.ChannelArray(0).Select(v => new Complex(v, 0)).ToArray();
        Fourier.Forward(spectrum, FourierOptions.AsymmetricScaling); // unscaled forward transform
        for (int i = 0; i < 200; i++)
        {
            double f = 20 * Math.Pow(1000, i / 199.0);
            int bin = (int)Math.Round(f * n / Fs);
            double binFreq = (double)bin * Fs / n;
            double measured = 20 * Math.Log10(spectrum[bin].Magnitude);
            double expected = expectedDb(binFreq);
            Assert.True(Math.Abs(measured - expected) <= 0.1, $"at {binFreq:F1} Hz: measured {measured:F3} dB, design {expected:F3} dB");
        }
    }
}
