using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// The fit for a reference that is a plain (sample-aligned) sum of the stems through gains, pans and EQ, as a DAW
/// or tracker bounce is: least squares on the complex spectrogram, so stems that play the same notes (a doubled
/// part, one sample on two channels) are told apart by phase instead of adding up as energies would. Per band and
/// output channel the normal equations Re(Xᵢ* Xⱼ), Re(Xᵢ* Y) are accumulated once over the frames; per channel the
/// non-negative amplitude gains come from all bands (each weighted by the reference's energy in it, so treble counts
/// as bass does), then per band a multiplier per stem (kept near 1) says where its EQ differs.
/// </summary>
public sealed class CoherentStemFit
{
    private const double MultiplierRidge = 0.02;
    private readonly double[][][,] _gram;   // [channel][band][i, j]
    private readonly double[][][] _cross;   // [channel][band][i]
    private readonly double[][] _energy;    // [channel][band]
    private readonly int _n;

    private CoherentStemFit(double[][][,] gram, double[][][] cross, double[][] energy, int n) => (_gram, _cross, _energy, _n) = (gram, cross, energy, n);

    /// <summary>
    /// How much of the reference a plain sum of the stems through non-negative gains leaves unexplained (error over
    /// signal energy, bands weighted by the reference's energy) at this sample lag: near 0 for a bounce of the stems.
    /// It settles a doubtful envelope alignment, since parts that double each other (echo channels, one sample on two
    /// channels) blur the energy envelopes but not the waveform.
    /// </summary>
    public static double BounceErrorRatio(IReadOnlyList<AudioBuffer> stems, AudioBuffer reference, int lag, int frames = 96)
    {
        int songFrames = stems.Max(s => s.Frames);
        int first = Math.Max(0, lag), last = Math.Min(reference.Frames, songFrames + lag) - BandEnergies.FftSize;
        if (last <= first) return 1;
        int count = Math.Clamp((last - first) / BandEnergies.FftSize, 1, frames);
        var starts = Enumerable.Range(0, count).Select(f => first + (int)((long)(last - first) * f / Math.Max(1, count - 1))).ToArray();
        var fit = Measure(stems, reference, starts, lag);
        var flat = Enumerable.Range(0, stems.Count).Select(_ => Enumerable.Repeat(1.0, BandEnergies.Count).ToArray()).ToArray();
        var (l, r) = fit.Levels(flat);
        var ratios = fit.ErrorRatios(l, r, flat);
        var energy = fit.BandEnergy;
        double total = energy.Sum();
        return total <= 0 ? 1 : ratios.Select((x, b) => x * energy[b]).Sum() / total;
    }

    /// <summary>Reference energy per band, both channels.</summary>
    public double[] BandEnergy => Enumerable.Range(0, BandEnergies.Count).Select(b => _energy[0][b] + _energy[1][b]).ToArray();

    public static CoherentStemFit Measure(IReadOnlyList<AudioBuffer> stems, AudioBuffer reference, IReadOnlyList<int> refStarts, int lag)
    {
        int n = stems.Count, bands = BandEnergies.Count, size = BandEnergies.FftSize;
        int rate = reference.SampleRate;
        var binBand = new int[size / 2 + 1];
        for (int k = 0; k < binBand.Length; k++)
        {
            double hz = (double)k * rate / size;
            binBand[k] = hz < BandEnergies.LowHz || hz >= BandEnergies.HighHz ? -1
                : Math.Min(bands - 1, (int)(bands * Math.Log(hz / BandEnergies.LowHz) / Math.Log(BandEnergies.HighHz / BandEnergies.LowHz)));
        }
        var window = Enumerable.Range(0, size).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / size)).ToArray();
        var fft = new ComplexFft(size);
        var gram = new double[2][][,];
        var cross = new double[2][][];
        var energy = new double[2][];
        for (int c = 0; c < 2; c++)
        {
            gram[c] = Enumerable.Range(0, bands).Select(_ => new double[n, n]).ToArray();
            cross[c] = Enumerable.Range(0, bands).Select(_ => new double[n]).ToArray();
            energy[c] = new double[bands];
        }
        var xre = new double[n][];
        var xim = new double[n][];
        for (int i = 0; i < n; i++) { xre[i] = new double[size]; xim[i] = new double[size]; }
        var yre = new double[size];
        var yim = new double[size];
        foreach (int start in refStarts)
            for (int c = 0; c < 2; c++)
            {
                Load(reference.Channel(Math.Min(c, reference.ChannelCount - 1)), start, window, yre, yim);
                fft.Forward(yre, yim);
                for (int i = 0; i < n; i++)
                {
                    Load(stems[i].Channel(Math.Min(c, stems[i].ChannelCount - 1)), start - lag, window, xre[i], xim[i]);
                    fft.Forward(xre[i], xim[i]);
                }
                for (int k = 1; k < binBand.Length; k++)
                {
                    int b = binBand[k];
                    if (b < 0) continue;
                    energy[c][b] += yre[k] * yre[k] + yim[k] * yim[k];
                    var g = gram[c][b];
                    var h = cross[c][b];
                    for (int i = 0; i < n; i++)
                    {
                        double ar = xre[i][k], ai = xim[i][k];
                        if (ar == 0 && ai == 0) continue;
                        h[i] += ar * yre[k] + ai * yim[k];
                        for (int j = 0; j <= i; j++) g[i, j] += ar * xre[j][k] + ai * xim[j][k];
                    }
                }
            }
        for (int c = 0; c < 2; c++)
            for (int b = 0; b < bands; b++)
                for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) gram[c][b][j, i] = gram[c][b][i, j];
        return new CoherentStemFit(gram, cross, energy, n);
    }

    /// <summary>Per output channel, the non-negative amplitude gains of the stems through their EQ responses (amplitude per band), every band weighted by the reference's energy in it.</summary>
    public (double[] Left, double[] Right) Levels(double[][] response)
    {
        var result = new double[2][];
        for (int c = 0; c < 2; c++)
        {
            var ata = new double[_n, _n];
            var atb = new double[_n];
            double mean = _energy[c].Average() + 1e-30;
            for (int b = 0; b < BandEnergies.Count; b++)
            {
                double w = 1 / (_energy[c][b] + 0.01 * mean);
                for (int i = 0; i < _n; i++)
                {
                    atb[i] += w * response[i][b] * _cross[c][b][i];
                    for (int j = 0; j < _n; j++) ata[i, j] += w * response[i][b] * response[j][b] * _gram[c][b][i, j];
                }
            }
            result[c] = NonNegativeLeastSquares.Solve(ata, atb);
        }
        return (result[0], result[1]);
    }

    /// <summary>Per stem and band, the amplitude multiplier (kept near 1) on its level-only contribution that best explains the band, and the stem's share of the band.</summary>
    public (double[][] Multiplier, double[][] Share) Multipliers(double[] left, double[] right)
    {
        var multiplier = new double[_n][];
        var share = new double[_n][];
        for (int i = 0; i < _n; i++) { multiplier[i] = new double[BandEnergies.Count]; share[i] = new double[BandEnergies.Count]; }
        for (int b = 0; b < BandEnergies.Count; b++)
        {
            var (m, v) = Columns(b, left, right, null);
            double total = 0;
            for (int i = 0; i < _n; i++) total += m[i, i];
            for (int i = 0; i < _n; i++) { double r = MultiplierRidge * m[i, i] + 1e-30; m[i, i] += r; v[i] += r; }
            var k = NonNegativeLeastSquares.Solve(m, v);
            for (int i = 0; i < _n; i++)
            {
                multiplier[i][b] = m[i, i] > 1e-29 ? k[i] : 1;
                share[i][b] = total > 0 ? (m[i, i] / (1 + MultiplierRidge)) / total : 0;
            }
        }
        return (multiplier, share);
    }

    /// <summary>Per band, |Y - fit|² / |Y|² for these gains and responses.</summary>
    public double[] ErrorRatios(double[] left, double[] right, double[][] response)
    {
        var result = new double[BandEnergies.Count];
        for (int b = 0; b < result.Length; b++)
        {
            var (m, v) = Columns(b, left, right, response);
            double e = _energy[0][b] + _energy[1][b];
            if (e <= 0) continue;
            double quad = 0, lin = 0;
            for (int i = 0; i < _n; i++) { lin += v[i]; for (int j = 0; j < _n; j++) quad += m[i, j]; }
            result[b] = Math.Max(0, (e - 2 * lin + quad) / e);
        }
        return result;
    }

    /// <summary>Stem i's fitted energy over all bands and both channels.</summary>
    public double StemEnergy(int i, double[] left, double[] right, double[][] response)
    {
        double sum = 0;
        for (int b = 0; b < BandEnergies.Count; b++)
            sum += (left[i] * left[i] * _gram[0][b][i, i] + right[i] * right[i] * _gram[1][b][i, i]) * response[i][b] * response[i][b];
        return sum;
    }

    /// <summary>Normal equations in band b for columns a_ic·H_i(b)·X_ic summed over channels.</summary>
    private (double[,] M, double[] V) Columns(int b, double[] left, double[] right, double[][]? response)
    {
        var m = new double[_n, _n];
        var v = new double[_n];
        for (int c = 0; c < 2; c++)
        {
            var a = c == 0 ? left : right;
            for (int i = 0; i < _n; i++)
            {
                double ai = a[i] * (response?[i][b] ?? 1);
                v[i] += ai * _cross[c][b][i];
                for (int j = 0; j < _n; j++) m[i, j] += ai * a[j] * (response?[j][b] ?? 1) * _gram[c][b][i, j];
            }
        }
        return (m, v);
    }

    private static void Load(ReadOnlySpan<float> x, int start, double[] window, double[] re, double[] im)
    {
        for (int i = 0; i < window.Length; i++)
        {
            int p = start + i;
            re[i] = p >= 0 && p < x.Length ? x[p] * window[i] : 0;
            im[i] = 0;
        }
    }
}
