using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class CompressorTests
{
    private const int Fs = 44100;

    private static readonly CompressorSettings SoftKnee = new(true, ThresholdDb: -30, Ratio: 4, AttackMs: 10, ReleaseMs: 100,
        KneeDb: 12, MakeupDb: 5, Detector: DetectorMode.Rms);

    [Fact]
    public void Static_curve_has_unity_below_the_knee_the_ratio_above_and_a_smooth_quadratic_between()
    {
        var hard = SoftKnee with { KneeDb = 0, MakeupDb = 0 };
        Assert.Equal(-50, Compressor.StaticCurveDb(hard, -50), 12);
        Assert.Equal(-30 + 20 / 4.0, Compressor.StaticCurveDb(hard, -10), 12);
        Assert.Equal(-45 + 5, Compressor.StaticCurveDb(SoftKnee, -45), 12);
        Assert.Equal(-30 + 6 / 4.0 + 5, Compressor.StaticCurveDb(SoftKnee, -24), 12); // top of the knee is on the ratio line
        Assert.Equal(-30 - 0.75 * 12 / 8 + 5, Compressor.StaticCurveDb(SoftKnee, -30), 12); // mid-knee: slope·knee/8 of reduction
        Assert.Equal(-7, Compressor.StaticCurveDb(SoftKnee with { Enabled = false }, -7));
        for (double x = -40; x < -20; x += 0.01) // continuous and monotonic through the knee
        {
            double step = Compressor.StaticCurveDb(SoftKnee, x + 0.01) - Compressor.StaticCurveDb(SoftKnee, x);
            Assert.InRange(step, 0.01 / 4 - 1e-9, 0.01 + 1e-9);
        }
    }

    [Theory]
    [InlineData(DetectorMode.Rms)]
    [InlineData(DetectorMode.Peak)]
    public void Steady_sines_from_minus_60_to_0_dB_get_the_gain_of_the_static_curve(DetectorMode mode)
    {
        var s = SoftKnee with { Detector = mode };
        double crest = mode == DetectorMode.Rms ? Math.Sqrt(2) : 1; // detector level is the sine's RMS or its peak
        foreach (double level in new[] { -60.0, -45, -37, -34, -32, -30, -28, -26, -24, -21, -15, -6, 0 })
        {
            var tone = TestSignals.SineSamples(Fs, Fs / 2, 1000, crest * Math.Pow(10, level / 20));
            var audio = TestSignals.Buffer(Fs, tone, tone);
            var comp = Prepared(s, 2);
            TestSignals.InBlocks(audio, 512, comp.Process);
            double gain = TestSignals.Db(TestSignals.Rms(audio.ChannelArray(0).AsSpan(Fs / 4)) / TestSignals.Rms(tone.AsSpan(Fs / 4)));
            double expected = Compressor.StaticCurveDb(s, level) - level;
            Assert.True(Math.Abs(gain - expected) <= 0.2, $"{mode} at {level} dB: gain {gain:F3} dB, static curve says {expected:F3} dB");
        }
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(2, 300)]
    [InlineData(40, 1000)]
    [InlineData(1, 20)]
    public void Attack_and_release_reach_63_percent_of_a_step_in_their_time_constants(double attackMs, double releaseMs)
    {
        // A 1 kHz tone steps from below the threshold to 20 dB over it (target reduction 15 dB), then down
        // by 10 dB (target 7.5 dB).
        var s = new CompressorSettings(true, -30, 4, attackMs, releaseMs, KneeDb: 0, MakeupDb: 0, DetectorMode.Peak);
        int up = Fs / 5, down = up + (int)(Fs * Math.Max(0.2, 8 * attackMs / 1000)), end = down + (int)(Fs * 6 * releaseMs / 1000) + Fs / 10;
        var tone = Enumerable.Range(0, end).Select(n =>
            (float)((n < up ? 0.01 : n < down ? 0.316 : 0.1) * Math.Sin(2 * Math.PI * 1000 * n / Fs))).ToArray();
        var audio = TestSignals.Buffer(Fs, tone);
        var comp = Prepared(s, 1);
        TestSignals.InBlocks(audio, 256, comp.Process);
        var y = audio.ChannelArray(0);
        double Reduction(int n) => -TestSignals.Db(y[n] / tone[n]);

        double attack = FirstTime(up, down, n => Reduction(n) >= 0.632 * 15);
        double release = FirstTime(down, end, n => Reduction(n) <= 15 - 0.632 * 7.5);
        Assert.InRange(attack, 0.9 * attackMs, 1.1 * attackMs);
        Assert.InRange(release, 0.9 * releaseMs, 1.1 * releaseMs);
        // Both ends settle on the static curve, and the release really lets go.
        Assert.InRange(Reduction(down - 40), 14.9, 15.1);
        Assert.InRange(Reduction(end - 40), 7.45, 7.55);

        double FirstTime(int from, int to, Func<int, bool> reached)
        {
            for (int n = from; n < to; n++)
                if (Math.Abs(tone[n]) > 0.3 * Math.Abs(tone[from + 11]) && reached(n)) return (n - from) * 1000.0 / Fs;
            return double.PositiveInfinity;
        }
    }

    [Fact]
    public void After_the_input_drops_below_the_threshold_the_gain_recovers_fully()
    {
        var s = SoftKnee with { Detector = DetectorMode.Peak, MakeupDb = 0 };
        var tone = Enumerable.Range(0, Fs * 2).Select(n => (float)((n < Fs / 2 ? 0.5 : 0.001) * Math.Sin(2 * Math.PI * 440 * n / Fs))).ToArray();
        var audio = TestSignals.Buffer(Fs, tone);
        var comp = Prepared(s, 1);
        TestSignals.InBlocks(audio, 1024, comp.Process);
        var y = audio.ChannelArray(0);
        Assert.True(-TestSignals.Db(TestSignals.Rms(y.AsSpan(Fs / 4, Fs / 4)) / TestSignals.Rms(tone.AsSpan(Fs / 4, Fs / 4))) > 15);
        // 1 s after the drop (10 release times) no reduction is left.
        Assert.InRange(TestSignals.Db(TestSignals.Rms(y.AsSpan(3 * Fs / 2)) / TestSignals.Rms(tone.AsSpan(3 * Fs / 2))), -0.001, 0.001);
        Assert.Equal(0, comp.LastGainReductionDb, 3);
    }

    [Fact]
    public void Makeup_gain_applies_even_without_compression()
    {
        var tone = TestSignals.SineSamples(Fs, Fs / 4, 500, 0.001);
        var audio = TestSignals.Buffer(Fs, tone);
        var comp = Prepared(SoftKnee with { MakeupDb = 7.5 }, 1);
        comp.Process(audio, audio.Frames);
        Assert.Equal(7.5, TestSignals.Db(TestSignals.Rms(audio.ChannelArray(0)) / TestSignals.Rms(tone)), 4);
        Assert.Equal(0, comp.LastGainReductionDb, 6);
    }

    [Fact]
    public void Peak_detection_clamps_spiky_material_that_RMS_detection_lets_through()
    {
        // 0.5 ms bursts at -6 dBFS every 10 ms: the peak level is -6 dB, the RMS level about -22 dB.
        var clicks = Enumerable.Range(0, Fs).Select(n => (float)(n % 441 < 22 ? 0.5 * Math.Sin(2 * Math.PI * 2000 * n / Fs) : 0)).ToArray();
        var s = new CompressorSettings(true, -20, 4, 1, 200, 0, 0);
        double peakReduction = ReductionOn(clicks, s with { Detector = DetectorMode.Peak });
        double rmsReduction = ReductionOn(clicks, s with { Detector = DetectorMode.Rms });
        Assert.InRange(peakReduction, 9, 11);
        Assert.True(rmsReduction < 3, $"RMS reduction {rmsReduction:F2} dB");

        // On a steady sine the two differ by the sine's crest factor (3 dB) times the slope.
        var tone = TestSignals.SineSamples(Fs, Fs / 2, 1000, 0.5);
        double difference = ReductionOn(tone, s with { Detector = DetectorMode.Peak }) - ReductionOn(tone, s with { Detector = DetectorMode.Rms });
        Assert.InRange(difference, 0.75 * 3.01 - 0.1, 0.75 * 3.01 + 0.1);

        static double ReductionOn(float[] x, CompressorSettings s)
        {
            var audio = TestSignals.Buffer(Fs, x);
            var comp = Prepared(s, 1);
            TestSignals.InBlocks(audio, 512, comp.Process);
            int half = x.Length / 2;
            return -TestSignals.Db(TestSignals.Rms(audio.ChannelArray(0).AsSpan(half)) / TestSignals.Rms(x.AsSpan(half)));
        }
    }

    [Fact]
    public void Channels_are_linked_so_the_stereo_image_does_not_shift()
    {
        var loud = TestSignals.SineSamples(Fs, Fs / 2, 300, 0.8);
        var quiet = TestSignals.SineSamples(Fs, Fs / 2, 300, 0.01);
        var audio = TestSignals.Buffer(Fs, loud, quiet);
        var comp = Prepared(SoftKnee with { Detector = DetectorMode.Peak }, 2);
        TestSignals.InBlocks(audio, 512, comp.Process);
        for (int n = 0; n < loud.Length; n += 97)
            if (Math.Abs(quiet[n]) > 1e-3)
                Assert.Equal(audio.ChannelArray(0)[n] / loud[n], audio.ChannelArray(1)[n] / quiet[n], 3);
    }

    [Fact]
    public void Disabled_leaves_the_audio_bit_identical()
    {
        var noise = TestSignals.WhiteNoiseSamples(10000, 1, seed: 4);
        var audio = TestSignals.Buffer(Fs, noise, noise);
        var comp = Prepared(SoftKnee with { Enabled = false, MakeupDb = 12 }, 2);
        TestSignals.InBlocks(audio, 333, comp.Process);
        Assert.Equal(noise, audio.ChannelArray(0));
        Assert.Equal(noise, audio.ChannelArray(1));
        Assert.Equal(0, comp.LastGainReductionDb);
    }

    [Fact]
    public void LastGainReductionDb_reports_the_blocks_largest_reduction()
    {
        var s = new CompressorSettings(true, -20, 10, 0.1, 500, 0, 6, DetectorMode.Peak);
        var comp = Prepared(s, 1);
        var tone = TestSignals.SineSamples(Fs, Fs / 2, 1000, 1); // 20 dB over at 10:1: 18 dB of reduction
        var audio = TestSignals.Buffer(Fs, tone);
        double measured = 0;
        for (int start = 0; start < tone.Length; start += 1000)
        {
            int n = Math.Min(1000, tone.Length - start);
            var block = audio.Slice(start, n);
            comp.Process(block, n);
            measured = 0;
            for (int i = 0; i < n; i++)
                if (Math.Abs(tone[start + i]) > 0.1) measured = Math.Max(measured, 6 - TestSignals.Db(block.ChannelArray(0)[i] / tone[start + i]));
            Assert.InRange(comp.LastGainReductionDb, measured - 0.01, measured + 0.01);
        }
        Assert.InRange(comp.LastGainReductionDb, 17.9, 18.05);
    }

    [Theory]
    [InlineData(DetectorMode.Peak)]
    [InlineData(DetectorMode.Rms)]
    public void Process_and_Update_allocate_nothing(DetectorMode mode)
    {
        var s = SoftKnee with { Detector = mode };
        var comp = Prepared(s, 2);
        var audio = TestSignals.Buffer(Fs, TestSignals.WhiteNoiseSamples(2048, 0.5, 1), TestSignals.WhiteNoiseSamples(2048, 0.5, 2));
        comp.Process(audio, 2048);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            comp.Update(s);
            comp.Process(audio, 1000 + i);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Settings_are_validated_and_misuse_is_reported()
    {
        var comp = new Compressor();
        Assert.Contains("Prepare", Assert.Throws<InvalidOperationException>(() => comp.Update(SoftKnee)).Message);
        comp.Prepare(Fs, 2);
        var e = Assert.Throws<ParameterOutOfRangeException>(() => comp.Update(SoftKnee with { Ratio = 0.5 }));
        Assert.Contains("ratio", e.Message);
        Assert.Contains("2 channel", Assert.Throws<ArgumentException>(() => comp.Process(new AudioBuffer(1, 8, Fs), 8)).Message);
    }

    private static Compressor Prepared(CompressorSettings s, int channels)
    {
        var comp = new Compressor();
        comp.Prepare(Fs, channels);
        comp.Update(s);
        return comp;
    }
}
