using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class BiquadCoefficientsTests
{
    private const double Fs = 48000;

    [Theory]
    [InlineData(1000, 12, 2.0)]
    [InlineData(60, -10, 0.5)]
    [InlineData(8000, 6, 8.0)]
    public void Peaking_reaches_its_gain_at_the_centre_and_nothing_far_away(double f0, double gainDb, double q)
    {
        var c = BiquadCoefficients.Peaking(Fs, f0, gainDb, q);
        Assert.Equal(gainDb, c.MagnitudeDb(f0, Fs), 6);
        Assert.InRange(c.MagnitudeDb(f0 / 64, Fs), -0.1, 0.1);
        Assert.InRange(c.MagnitudeDb(Math.Min(f0 * 64, Fs / 2 - 1), Fs), -0.5, 0.5);
    }

    [Theory]
    [InlineData(100, 6, 0.707)]
    [InlineData(300, -9, 1.5)]
    public void Low_shelf_has_its_gain_at_DC_and_half_of_it_at_the_corner(double f0, double gainDb, double q)
    {
        var c = BiquadCoefficients.LowShelf(Fs, f0, gainDb, q);
        Assert.Equal(gainDb, c.MagnitudeDb(0, Fs), 6);
        Assert.Equal(gainDb / 2, c.MagnitudeDb(f0, Fs), 6);
        Assert.InRange(c.MagnitudeDb(Fs / 2, Fs), -0.05, 0.05);
    }

    [Theory]
    [InlineData(5000, -6, 0.707)]
    [InlineData(12000, 8, 0.4)]
    public void High_shelf_has_its_gain_at_Nyquist_and_half_of_it_at_the_corner(double f0, double gainDb, double q)
    {
        var c = BiquadCoefficients.HighShelf(Fs, f0, gainDb, q);
        Assert.Equal(gainDb, c.MagnitudeDb(Fs / 2, Fs), 6);
        Assert.Equal(gainDb / 2, c.MagnitudeDb(f0, Fs), 6);
        Assert.InRange(c.MagnitudeDb(0, Fs), -1e-9, 1e-9);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(80)]
    [InlineData(500)]
    public void Default_high_pass_is_Butterworth_3_dB_down_at_the_corner_and_12_dB_per_octave(double f0)
    {
        var c = BiquadCoefficients.HighPass(Fs, f0);
        Assert.Equal(-3.0103, c.MagnitudeDb(f0, Fs), 3);
        Assert.InRange(c.MagnitudeDb(f0 / 8, Fs) - c.MagnitudeDb(f0 / 16, Fs), 11.9, 12.1);
        Assert.InRange(c.MagnitudeDb(f0 * 40, Fs), -0.01, 0.01);
        Assert.True(double.IsNegativeInfinity(c.MagnitudeDb(0, Fs)) || c.MagnitudeDb(0, Fs) < -200);
    }

    [Fact]
    public void Identity_is_flat_and_a_zero_dB_band_is_identity_in_effect()
    {
        Assert.Equal(0, BiquadCoefficients.Identity.MagnitudeDb(1234, Fs), 12);
        Assert.True(BiquadCoefficients.Identity.IsIdentity);
        var zero = BiquadCoefficients.Peaking(Fs, 1000, 0, 1);
        Assert.Equal(0, zero.MagnitudeDb(1000, Fs), 9);
    }

    [Fact]
    public void Bad_arguments_name_the_design_and_the_parameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BiquadCoefficients.Peaking(Fs, 30000, 3, 1));
        Assert.Equal("freqHz", e.ParamName);
        Assert.Contains("Peaking", e.Message);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => BiquadCoefficients.LowShelf(Fs, 100, 3, 0)).ParamName);
        Assert.Equal("sampleRate", Assert.Throws<ArgumentOutOfRangeException>(() => BiquadCoefficients.HighPass(0, 100)).ParamName);
    }
}
