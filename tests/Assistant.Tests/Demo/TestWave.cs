using System.Buffers.Binary;

namespace Mixwright.Assistant.Tests.Demo;

/// <summary>
/// The tests' own reader for 32-bit float WAV, written apart from the code under test so a
/// mistake in the demo's writer cannot hide behind the same mistake in its reader.
/// </summary>
public sealed record TestWave(float[][] Channels, int SampleRate)
{
    private const int FftSize = 4096;

    public int Frames => Channels[0].Length;
    public double Seconds => (double)Frames / SampleRate;

    public static TestWave Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        int channels = 0, rate = 0, offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            string id = System.Text.Encoding.ASCII.GetString(bytes, offset, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (id == "fmt ")
            {
                Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 8)));   // IEEE float
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 12));
                Assert.Equal(32, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 22)));
            }
            else if (id == "data")
            {
                int frames = size / 4 / channels;
                var data = new float[channels][];
                for (int c = 0; c < channels; c++)
                {
                    data[c] = new float[frames];
                    for (int f = 0; f < frames; f++)
                        data[c][f] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 8 + (f * channels + c) * 4));
                }
                return new TestWave(data, rate);
            }
            offset += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk");
    }

    public float[] Mono()
    {
        var mono = new float[Frames];
        foreach (var channel in Channels)
            for (int f = 0; f < Frames; f++) mono[f] += channel[f] / Channels.Length;
        return mono;
    }

    public double RmsDbfs()
    {
        double sum = 0;
        foreach (var channel in Channels)
            foreach (float s in channel) sum += (double)s * s;
        return 10 * Math.Log10(sum / (Frames * Channels.Length) + 1e-30);
    }

    public double PeakDbfs() => 20 * Math.Log10(Channels.Max(c => c.Max(Math.Abs)) + 1e-30);

    /// <summary>
    /// Fraction of the signal's energy between <paramref name="lowHz"/> and <paramref name="highHz"/>,
    /// from Hann-windowed 4096-point power spectra summed over the whole file.
    /// </summary>
    public double EnergyFraction(double lowHz, double highHz)
    {
        const int size = FftSize;
        var samples = Mono();
        double inBand = 0, total = 0;
        var re = new double[size];
        var im = new double[size];
        for (int start = 0; start + size <= samples.Length; start += size / 2)
        {
            for (int i = 0; i < size; i++)
            {
                re[i] = samples[start + i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / size));
                im[i] = 0;
            }
            Fft(re, im);
            for (int bin = 1; bin < size / 2; bin++)
            {
                double power = re[bin] * re[bin] + im[bin] * im[bin];
                double hz = (double)bin * SampleRate / size;
                total += power;
                if (hz >= lowHz && hz < highHz) inBand += power;
            }
        }
        return inBand / total;
    }

    private static class Twiddles
    {
        public static readonly double[] Cos = Enumerable.Range(0, FftSize / 2).Select(k => Math.Cos(2 * Math.PI * k / FftSize)).ToArray();
        public static readonly double[] Sin = Enumerable.Range(0, FftSize / 2).Select(k => Math.Sin(2 * Math.PI * k / FftSize)).ToArray();
    }

    /// <summary>In-place radix-2 FFT of one <see cref="FftSize"/>-point frame.</summary>
    private static void Fft(double[] re, double[] im)
    {
        int n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            int stride = n / length;
            for (int i = 0; i < n; i += length)
                for (int k = 0; k < length / 2; k++)
                {
                    double wr = Twiddles.Cos[k * stride], wi = -Twiddles.Sin[k * stride];
                    int a = i + k, b = a + length / 2;
                    double tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                }
        }
    }
}
