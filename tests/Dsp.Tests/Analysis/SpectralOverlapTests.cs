using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class SpectralOverlapTests
{
    private const int Rate = 44100;

    [Theory]
    [InlineData(250.0)]
    [InlineData(500.0)]
    [InlineData(1000.0)]
    public void Two_sines_an_octave_apart_barely_overlap(double hz)
    {
        var overlap = SpectralOverlap.Compute(TestSignals.SineAtDbfs(Rate, 2, hz, -12), TestSignals.SineAtDbfs(Rate, 2, 2 * hz, -12));
        Assert.True(overlap.Overall < 0.1, $"overlap {overlap.Overall:F3}");
    }

    [Fact]
    public void Bass_and_kick_clash_in_the_low_bands()
    {
        var overlap = SpectralOverlap.Compute(Bass(), Kick());
        Assert.True(overlap.Overall > 0.4, $"overlap {overlap.Overall:F3}");
        Assert.NotNull(overlap.Clash);
        Assert.True(overlap.Clash.CentreHz < 300, $"clash at {overlap.Clash.LowHz:F0}-{overlap.Clash.HighHz:F0} Hz");
        // A hi-hat-like high noise and the bass hardly compete.
        var hats = SpectralOverlap.Compute(Bass(), HighNoise());
        Assert.True(hats.Overall < overlap.Overall / 2, $"bass/hats {hats.Overall:F3} vs bass/kick {overlap.Overall:F3}");
    }

    [Fact]
    public void Identical_signals_overlap_fully_whatever_their_levels()
    {
        var song = TestSignals.Song(Rate, 2);
        var same = SpectralOverlap.Compute(song, song);
        Assert.InRange(same.Overall, 0.999, 1.0);
        Assert.All(same.PerBand, v => Assert.InRange(v, 0.999, 1.0));

        var quieter = new AudioBuffer([song.ChannelArray(0).Select(v => v * 0.1f).ToArray(), song.ChannelArray(1).Select(v => v * 0.1f).ToArray()], Rate);
        Assert.InRange(SpectralOverlap.Compute(song, quieter).Overall, 0.999, 1.0);
    }

    [Fact]
    public void Silence_overlaps_nothing()
    {
        var overlap = SpectralOverlap.Compute(TestSignals.SineAtDbfs(Rate, 1, 440, -6), new AudioBuffer(2, Rate, Rate));
        Assert.Equal(0, overlap.Overall);
        Assert.Null(overlap.Clash);
        Assert.All(overlap.PerBand, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Signals_at_different_rates_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SpectralOverlap.Compute(TestSignals.SineAtDbfs(44100, 1, 440, -6), TestSignals.SineAtDbfs(48000, 1, 440, -6)));
        Assert.Contains("44100", error.Message);
    }

    /// <summary>A 55 Hz sawtooth-like bass (eight harmonics at 1/k).</summary>
    private static AudioBuffer Bass()
    {
        var x = new float[2 * Rate];
        for (int n = 0; n < x.Length; n++)
        {
            double v = 0;
            for (int k = 1; k <= 8; k++) v += Math.Sin(2 * Math.PI * 55 * k * n / Rate) / k;
            x[n] = (float)(0.2 * v);
        }
        return TestSignals.Channels(Rate, x, 2);
    }

    /// <summary>Kicks twice a second: a sine gliding from ~110 Hz to 50 Hz with a short low-passed noise thump.</summary>
    private static AudioBuffer Kick()
    {
        var rng = new Random(5);
        var x = new float[2 * Rate];
        double lowPassed = 0;
        for (int n = 0; n < x.Length; n++)
        {
            double t = (n % (Rate / 2)) / (double)Rate;
            lowPassed += 0.05 * ((2 * rng.NextDouble() - 1) - lowPassed);
            double glide = Math.Sin(2 * Math.PI * (50 * t + 2.4 * (1 - Math.Exp(-t / 0.04))));
            x[n] = (float)(0.8 * Math.Exp(-t / 0.15) * glide + 2 * Math.Exp(-t / 0.02) * lowPassed);
        }
        return TestSignals.Channels(Rate, x, 2);
    }

    /// <summary>White noise differentiated twice: energy concentrated far above the bass.</summary>
    private static AudioBuffer HighNoise()
    {
        var noise = TestSignals.WhiteNoise(Rate, 2, 1).ChannelArray(0);
        var x = new float[noise.Length];
        for (int n = 2; n < x.Length; n++) x[n] = noise[n] - 2 * noise[n - 1] + noise[n - 2];
        return TestSignals.Channels(Rate, x, 2);
    }
}
