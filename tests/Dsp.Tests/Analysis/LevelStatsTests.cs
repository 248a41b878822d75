using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class LevelStatsTests
{
    [Fact]
    public void A_full_scale_sine_has_0_dBFS_peak_minus_3_dBFS_rms_and_3_dB_crest()
    {
        var sine = TestSignals.SineAtDbfs(48000, 2, 997, 0);
        var stats = new LevelStats(2);
        stats.Add(sine, sine.Frames);
        Assert.Equal(0, stats.SamplePeakDbfs, 3);
        Assert.Equal(-3.0103, stats.RmsDbfs, 3);
        Assert.Equal(3.0103, stats.CrestDb, 3);
    }

    [Fact]
    public void Channels_are_pooled()
    {
        // One channel silent halves the mean square: RMS 3 dB lower than the sine alone.
        var sine = TestSignals.SineAtDbfs(48000, 2, 997, 0, 1).ChannelArray(0);
        var stats = new LevelStats(2);
        stats.Add(new AudioBuffer([sine, new float[sine.Length]], 48000), sine.Length);
        Assert.Equal(-6.0206, stats.RmsDbfs, 3);
        Assert.Equal(0, stats.SamplePeakDbfs, 3);
    }

    [Fact]
    public void Square_wave_has_no_crest()
    {
        var square = Enumerable.Range(0, 48000).Select(n => n / 50 % 2 == 0 ? 0.5f : -0.5f).ToArray();
        var stats = new LevelStats(1);
        stats.Add(new AudioBuffer([square], 48000), square.Length);
        Assert.Equal(0, stats.CrestDb, 6);
        Assert.Equal(-6.0206, stats.RmsDbfs, 3);
    }

    [Fact]
    public void Silence_has_minus_infinite_levels_and_an_undefined_crest()
    {
        var stats = new LevelStats(2);
        stats.Add(new AudioBuffer(2, 1000, 48000), 1000);
        Assert.Equal(double.NegativeInfinity, stats.SamplePeakDbfs);
        Assert.Equal(double.NegativeInfinity, stats.RmsDbfs);
        Assert.True(double.IsNaN(stats.CrestDb));
    }

    [Fact]
    public void Only_the_given_frames_of_a_reused_block_count()
    {
        var block = new AudioBuffer(1, 100, 48000);
        block.Channel(0).Fill(0.25f);
        block.Channel(0)[50..].Fill(1f); // stale data past the valid frames
        var stats = new LevelStats(1);
        stats.Add(block, 50);
        Assert.Equal(0.25, stats.SamplePeak, 6);
        Assert.Equal(0.25, stats.Rms, 6);
    }
}
