using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

/// <summary>EBU Tech 3341 (loudness) and Tech 3342 (loudness range) style test programmes.</summary>
public class LoudnessMeterTests
{
    private static LoudnessMeter Measure(AudioBuffer audio)
    {
        var meter = new LoudnessMeter(audio.SampleRate, audio.ChannelCount);
        meter.Add(audio, audio.Frames);
        return meter;
    }

    [Theory]
    [InlineData(-23.0)]
    [InlineData(-33.0)]
    public void A_stereo_1_kHz_sine_reads_its_level_in_LUFS(double dbfs)
    {
        var meter = Measure(TestSignals.SineAtDbfs(48000, 20, 1000, dbfs));
        Assert.InRange(meter.IntegratedLufs, dbfs - 0.1, dbfs + 0.1);
        Assert.InRange(meter.MaxMomentaryLufs, dbfs - 0.1, dbfs + 0.1);
        Assert.InRange(meter.MaxShortTermLufs, dbfs - 0.1, dbfs + 0.1);
    }

    [Fact]
    public void Relative_gate_ignores_quiet_passages_around_the_programme()
    {
        // Tech 3341 case 3: -36 / -23 / -36 dBFS for 10 / 60 / 10 s reads -23 LUFS.
        var meter = Measure(TestSignals.Segments(48000, 1000, 2, (-36, 10), (-23, 60), (-36, 10)));
        Assert.InRange(meter.IntegratedLufs, -23.1, -22.9);
    }

    [Fact]
    public void Absolute_gate_ignores_near_silence()
    {
        // Tech 3341 case 4: -72 / -36 / -23 / -36 / -72 dBFS for 10 / 10 / 60 / 10 / 10 s reads -23 LUFS.
        var meter = Measure(TestSignals.Segments(48000, 1000, 2, (-72, 10), (-36, 10), (-23, 60), (-36, 10), (-72, 10)));
        Assert.InRange(meter.IntegratedLufs, -23.1, -22.9);
    }

    [Fact]
    public void Passages_10_LU_down_count_but_20_LU_down_do_not()
    {
        // Both halves pass the relative gate (-30 is above -22.6 - 10): the mean of their energies.
        var kept = Measure(TestSignals.Segments(44100, 1000, 2, (-20, 20), (-30, 20)));
        Assert.InRange(kept.IntegratedLufs, -22.6 - 0.1, -22.6 + 0.1);
        // The -40 half is below the gate (-23 - 10), so only the -20 half counts.
        var gated = Measure(TestSignals.Segments(44100, 1000, 2, (-20, 20), (-40, 20)));
        Assert.InRange(gated.IntegratedLufs, -20.1, -19.9);
    }

    [Theory]
    // Tech 3342 cases 1-4 (expected LRA ±1 LU).
    [InlineData(10.0, new double[] { -20, -30 })]
    [InlineData(5.0, new double[] { -20, -15 })]
    [InlineData(20.0, new double[] { -40, -20 })]
    [InlineData(15.0, new double[] { -50, -35, -20, -35, -50 })]
    public void Loudness_range_of_EBU_3342_programmes(double expectedLu, double[] levels)
    {
        var audio = TestSignals.Segments(48000, 1000, 2, levels.Select(l => (l, 20.0)).ToArray());
        Assert.InRange(Measure(audio).LoudnessRangeLu, expectedLu - 1, expectedLu + 1);
    }

    [Fact]
    public void Silence_reads_minus_infinity_and_no_range()
    {
        var meter = Measure(new AudioBuffer(2, 5 * 44100, 44100));
        Assert.Equal(double.NegativeInfinity, meter.IntegratedLufs);
        Assert.Equal(double.NegativeInfinity, meter.MaxMomentaryLufs);
        Assert.Equal(double.NegativeInfinity, meter.MaxShortTermLufs);
        Assert.Equal(0, meter.LoudnessRangeLu);
        Assert.All(meter.ShortTermLufs, v => Assert.Equal(double.NegativeInfinity, v));
    }

    [Fact]
    public void Under_400_ms_has_no_gating_block_yet()
    {
        var meter = Measure(TestSignals.SineAtDbfs(48000, 0.35, 1000, -20));
        Assert.Equal(double.NegativeInfinity, meter.IntegratedLufs);
        Assert.Equal(0.35, meter.DurationSeconds, 3);
    }

    [Fact]
    public void Short_term_curve_has_one_value_per_second_and_follows_the_level()
    {
        var meter = Measure(TestSignals.Segments(44100, 1000, 2, (-20, 5), (-30, 5)));
        var curve = meter.ShortTermLufs;
        Assert.Equal(10, curve.Count);
        Assert.All(curve.Take(5), v => Assert.InRange(v, -20.1, -19.9));   // windows inside the -20 part
        Assert.All(curve.Skip(8), v => Assert.InRange(v, -30.1, -29.9));   // windows wholly inside the -30 part
        Assert.InRange(curve[6], -29.9, -20.1);                            // straddling the step
    }

    [Fact]
    public void Max_momentary_catches_a_short_burst_that_short_term_averages_down()
    {
        var meter = Measure(TestSignals.Segments(48000, 1000, 2, (-30, 4), (-10, 0.5), (-30, 4)));
        Assert.InRange(meter.MaxMomentaryLufs, -10.1, -9.9);
        Assert.InRange(meter.MaxShortTermLufs, -30, -15);
    }

    [Fact]
    public void Streaming_in_small_blocks_gives_the_same_answers()
    {
        var audio = TestSignals.Song(44100, 2);
        var whole = Measure(audio);
        var streamed = new LoudnessMeter(44100, 2);
        TestSignals.Stream(audio, 1000, streamed.Add);

        Assert.Equal(whole.IntegratedLufs, streamed.IntegratedLufs, 6); // float sums in vector order: equal to ~1e-8 LU
        Assert.Equal(whole.LoudnessRangeLu, streamed.LoudnessRangeLu, 6); // float sums in vector order: equal to ~1e-8 LU
        Assert.Equal(whole.MaxMomentaryLufs, streamed.MaxMomentaryLufs, 6); // float sums in vector order: equal to ~1e-8 LU
        Assert.Equal(whole.ShortTermLufs.Count, streamed.ShortTermLufs.Count);
    }

    [Fact]
    public void Reset_starts_a_new_measurement()
    {
        var meter = Measure(TestSignals.SineAtDbfs(48000, 3, 1000, -10));
        meter.Reset();
        var quiet = TestSignals.SineAtDbfs(48000, 3, 1000, -30);
        meter.Add(quiet, quiet.Frames);
        Assert.InRange(meter.IntegratedLufs, -30.1, -29.9);
    }

    [Fact]
    public void A_block_that_does_not_fit_the_meter_is_refused_with_a_clear_message()
    {
        var meter = new LoudnessMeter(48000, 2);
        var mono = new AudioBuffer(1, 100, 48000);
        var error = Assert.Throws<ArgumentException>(() => meter.Add(mono, 100));
        Assert.Contains("2 channel", error.Message);
        var wrongRate = new AudioBuffer(2, 100, 44100);
        Assert.Contains("44100", Assert.Throws<ArgumentException>(() => meter.Add(wrongRate, 100)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => meter.Add(new AudioBuffer(2, 100, 48000), 101));
    }
}
