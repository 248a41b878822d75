using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Short-time band energies of one signal: per channel, per analysis frame (a Hann window of
/// <see cref="FftSize"/> samples starting at given positions), the power in each of <see cref="Count"/> bands
/// spaced evenly in log frequency from <see cref="LowHz"/> to <see cref="HighHz"/>. Frames before the start or
/// past the end of the signal read as silence, so a stem and a reference can be framed at one lag.
/// </summary>
public sealed class BandEnergies
{
    public const int Count = 20;
    public const double LowHz = 40;
    public const double HighHz = 18000;
    public const int FftSize = 4096;

    private BandEnergies(double[][][] power, int sampleRate) => (Power, SampleRate) = (power, sampleRate);

    /// <summary>[channel][frame][band].</summary>
    public double[][][] Power { get; }
    public int SampleRate { get; }
    public int Channels => Power.Length;
    public int Frames => Power[0].Length;

    /// <summary>Lower edge of band <paramref name="b"/> (b = Count gives the top edge).</summary>
    public static double EdgeHz(int b) => LowHz * Math.Pow(HighHz / LowHz, (double)b / Count);

    /// <summary>Geometric centre of band <paramref name="b"/>.</summary>
    public static double CentreHz(int b) => Math.Sqrt(EdgeHz(b) * EdgeHz(b + 1));

    /// <summary>Measures <paramref name="audio"/> in frames starting at <paramref name="starts"/> (sample positions, any sign).</summary>
    public static BandEnergies Measure(AudioBuffer audio, IReadOnlyList<int> starts)
    {
        var fft = new ComplexFft(FftSize);
        var window = new double[FftSize];
        for (int i = 0; i < FftSize; i++) window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / FftSize);
        var binBand = new int[FftSize / 2 + 1];
        for (int k = 0; k < binBand.Length; k++)
        {
            double hz = (double)k * audio.SampleRate / FftSize;
            binBand[k] = hz < LowHz || hz >= HighHz ? -1 : Math.Min(Count - 1, (int)(Count * Math.Log(hz / LowHz) / Math.Log(HighHz / LowHz)));
        }
        var re = new double[FftSize];
        var im = new double[FftSize];
        var power = new double[audio.ChannelCount][][];
        for (int c = 0; c < audio.ChannelCount; c++)
        {
            ReadOnlySpan<float> x = audio.Channel(c);
            power[c] = new double[starts.Count][];
            for (int f = 0; f < starts.Count; f++)
            {
                var bands = power[c][f] = new double[Count];
                int start = starts[f];
                if (start + FftSize <= 0 || start >= x.Length) continue;
                for (int i = 0; i < FftSize; i++)
                {
                    int n = start + i;
                    re[i] = n >= 0 && n < x.Length ? x[n] * window[i] : 0;
                    im[i] = 0;
                }
                fft.Forward(re, im);
                for (int k = 1; k < binBand.Length; k++)
                    if (binBand[k] >= 0) bands[binBand[k]] += re[k] * re[k] + im[k] * im[k];
            }
        }
        return new BandEnergies(power, audio.SampleRate);
    }
}
