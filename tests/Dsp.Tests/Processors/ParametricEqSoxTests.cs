using Mixwright.Dsp.Audio;
using System.Globalization;
using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

/// <summary>
/// sox as an independent oracle. sox's equalizer is the cookbook peaking filter and its bass/treble are
/// the cookbook shelves; with the width given as Q (the "q" suffix) they take the same parameters as ours
/// (sox's default width for shelves is the slope S, which would not match).
/// </summary>
public class ParametricEqSoxTests
{
    private const int Fs = 44100;
    private const int Frames = 1 << 18;

    public static TheoryData<EqBandType, double, double, double> Bands => new()
    {
        { EqBandType.Peaking, 1000, 6, 2 },
        { EqBandType.Peaking, 120, -9, 0.7 },
        { EqBandType.Peaking, 7000, 10, 5 },
        { EqBandType.LowShelf, 150, 6, 0.707 },
        { EqBandType.LowShelf, 400, -8, 1.2 },
        { EqBandType.HighShelf, 4000, -6, 0.707 },
        { EqBandType.HighShelf, 9000, 9, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Bands))]
    public void Third_octave_band_gains_on_white_noise_match_sox(EqBandType type, double freq, double gain, double q)
    {
        var noise = TestSignals.WhiteNoiseSamples(Frames, 0.05, seed: 17); // quiet: sox works in 32-bit integers and clips at full scale
        using var dir = new TempDir();
        WavWriter.Write(dir.File("in.wav"), new AudioBuffer([noise], Fs), WavSampleFormat.Float32);
        string f = freq.ToString(CultureInfo.InvariantCulture), g = gain.ToString(CultureInfo.InvariantCulture);
        string w = q.ToString(CultureInfo.InvariantCulture) + "q";
        string[] effect = type switch
        {
            EqBandType.Peaking => ["equalizer", f, w, g],
            EqBandType.LowShelf => ["bass", g, f, w],
            _ => ["treble", g, f, w],
        };
        ExternalTool.Run("sox", ["-D", dir.File("in.wav"), "-e", "floating-point", "-b", "32", dir.File("sox.wav"), .. effect]);
        var sox = WavReader.ReadAll(dir.File("sox.wav")).ChannelArray(0);

        int index = type switch { EqBandType.LowShelf => 0, EqBandType.HighShelf => 5, _ => 3 };
        var eq = new ParametricEq();
        eq.Prepare(Fs, 1);
        eq.Update(ParametricEqSettings.Flat.WithBand(index, new EqBand(type, freq, gain, q)));
        var ours = TestSignals.Buffer(Fs, noise);
        TestSignals.InBlocks(ours, 4096, eq.Process);

        var input = BandPowers(noise);
        var theirs = BandPowers(sox);
        var mine = BandPowers(ours.ChannelArray(0));
        int compared = 0;
        double largest = 0;
        foreach (var (centre, power) in input)
        {
            double soxDb = 10 * Math.Log10(theirs[centre] / power), ourDb = 10 * Math.Log10(mine[centre] / power);
            largest = Math.Max(largest, Math.Abs(ourDb));
            Assert.True(Math.Abs(soxDb - ourDb) <= 0.5, $"{centre:F0} Hz band: sox {soxDb:F2} dB, ours {ourDb:F2} dB");
            compared++;
        }
        Assert.Equal(28, compared);
        Assert.True(largest > Math.Abs(gain) / 2, "the EQ should act clearly in some bands");
    }

    /// <summary>Power in 1/3-octave bands centred 1000·2^(k/3) Hz, 31.5 Hz to 16 kHz.</summary>
    private static Dictionary<double, double> BandPowers(float[] x)
    {
        var spectrum = x.Select(v => new Complex(v, 0)).ToArray();
        Fourier.Forward(spectrum, FourierOptions.AsymmetricScaling);
        var bands = new Dictionary<double, double>();
        for (int k = -15; k <= 12; k++)
        {
            double centre = 1000 * Math.Pow(2, k / 3.0);
            int lo = (int)Math.Ceiling(centre * Math.Pow(2, -1 / 6.0) * Frames / Fs);
            int hi = (int)Math.Floor(centre * Math.Pow(2, 1 / 6.0) * Frames / Fs);
            double sum = 0;
            for (int b = lo; b <= hi; b++) sum += spectrum[b].Magnitude * spectrum[b].Magnitude;
            bands[centre] = sum;
        }
        return bands;
    }
}
