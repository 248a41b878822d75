using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class BarkSpectrumTests
{
    [Fact]
    public void Has_24_bands_equally_spaced_in_Bark_from_20_Hz_to_20_kHz()
    {
        var bank = new BarkFilterbank(44100, 8192);
        Assert.Equal(24, bank.Bands.Count);
        Assert.Equal(20, bank.Bands[0].LowHz, 6);
        Assert.Equal(20000, bank.Bands[^1].HighHz, 6);
        double step = BarkFilterbank.HzToBark(bank.Bands[0].CentreHz) - BarkFilterbank.HzToBark(bank.Bands[0].LowHz);
        foreach (var band in bank.Bands)
        {
            Assert.Equal(step, BarkFilterbank.HzToBark(band.CentreHz) - BarkFilterbank.HzToBark(band.LowHz), 9);
            Assert.Equal(step, BarkFilterbank.HzToBark(band.HighHz) - BarkFilterbank.HzToBark(band.CentreHz), 9);
        }
    }

    [Theory]
    [InlineData(50.0)]     // low-end correction
    [InlineData(1000.0)]
    [InlineData(15000.0)]  // high-end correction
    public void Bark_conversion_round_trips(double hz) =>
        Assert.Equal(hz, BarkFilterbank.BarkToHz(BarkFilterbank.HzToBark(hz)), 6);

    [Fact]
    public void Traunmuller_scale_puts_1_kHz_near_8_5_Bark() =>
        Assert.InRange(BarkFilterbank.HzToBark(1000), 8.4, 8.6);

    [Fact]
    public void A_1_kHz_sine_peaks_in_the_band_centred_nearest_1_kHz()
    {
        var bark = Bark(TestSignals.SineAtDbfs(44100, 2, 1000, -6));
        var bank = new BarkFilterbank(44100, 8192);
        int loudest = Array.IndexOf(bark.MidDb, bark.MidDb.Max());
        Assert.True(bank.Bands[loudest].Contains(1000));
        int nearest = bank.Bands.MinBy(b => Math.Abs(b.CentreHz - 1000))!.Index;
        Assert.Equal(nearest, loudest);
        // Bands that do not reach 1 kHz hold only window leakage.
        Assert.All(bank.Bands.Where(b => !b.Contains(1000)), b => Assert.True(bark.MidDb[b.Index] < bark.MidDb[loudest] - 60));
        Assert.All(bark.SideDb, v => Assert.InRange(v, -160.0, -159.9)); // L = R: no side, only the 1e-8 floor
    }

    [Fact]
    public void White_noise_rises_smoothly_with_band_width()
    {
        // Bark bands widen with frequency and gather more bins, so equal power per Hz rises smoothly.
        var bark = Bark(TestSignals.WhiteNoise(44100, 4, 2));
        for (int b = 1; b < 24; b++)
        {
            double step = bark.MidDb[b] - bark.MidDb[b - 1];
            Assert.InRange(step, -0.5, 5);
        }
        Assert.True(bark.MidDb[^1] - bark.MidDb[0] > 15, $"{bark.MidDb[0]:F1} .. {bark.MidDb[^1]:F1}");
        // Independent channels: side carries as much as mid.
        for (int b = 0; b < 24; b++) Assert.InRange(bark.SideDb[b] - bark.MidDb[b], -1, 1);
    }

    [Fact]
    public void Silence_reads_the_floor()
    {
        var bark = Bark(new AudioBuffer(2, 10000, 48000));
        Assert.All(bark.MidDb, v => Assert.Equal(-160, v, 6));
    }

    private static BarkSpectrum Bark(AudioBuffer audio)
    {
        var accumulator = new SpectrumAccumulator(audio.SampleRate, audio.ChannelCount);
        accumulator.Add(audio, audio.Frames);
        return BarkSpectrum.From(accumulator.Average());
    }
}
