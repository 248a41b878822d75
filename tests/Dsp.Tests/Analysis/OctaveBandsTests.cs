using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class OctaveBandsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_full_scale_1_kHz_sine_reads_0_dB_in_the_1000_band(int channels)
    {
        var bands = Octaves(TestSignals.SineAtDbfs(44100, 3, 1000, 0, channels));
        Assert.Equal(OctaveBands.Labels, bands.Keys);
        Assert.InRange(bands["1000"], -0.1, 0.1);
        Assert.True(bands["125"] < -80, $"125 Hz band: {bands["125"]:F1} dB");
        Assert.True(bands["500"] < -60 && bands["2000"] < -60);
    }

    [Fact]
    public void A_sine_reads_its_level_in_the_band_holding_it()
    {
        var bands = Octaves(TestSignals.SineAtDbfs(48000, 3, 110, -12));
        Assert.InRange(bands["125"], -12.1, -11.9);
    }

    [Fact]
    public void White_noise_gains_3_dB_per_octave()
    {
        var bands = Octaves(TestSignals.WhiteNoise(44100, 4, 1));
        for (int i = 3; i < 9; i++)
            Assert.InRange(bands[OctaveBands.Labels[i + 1]] - bands[OctaveBands.Labels[i]], 2.7, 3.3);
    }

    [Fact]
    public void Bands_tile_the_spectrum_so_their_powers_add_up_to_the_signal()
    {
        // White noise at RMS 0.1 (-20 dBFS, i.e. -17 dB re a full-scale sine); the ten bands cover
        // 22 Hz..22.6 kHz, all of it but the lowest 22 Hz.
        var bands = Octaves(TestSignals.WhiteNoise(44100, 4, 1, rms: 0.1));
        double total = 10 * Math.Log10(bands.Values.Sum(db => Math.Pow(10, db / 10)));
        Assert.InRange(total, -17.0 - 0.1, -17.0 + 0.1);
    }

    private static IReadOnlyDictionary<string, double> Octaves(AudioBuffer audio)
    {
        var accumulator = new SpectrumAccumulator(audio.SampleRate, audio.ChannelCount);
        accumulator.Add(audio, audio.Frames);
        return OctaveBands.From(accumulator.Average());
    }
}
