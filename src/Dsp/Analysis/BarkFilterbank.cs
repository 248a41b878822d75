namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Diff-MST's spectral feature bands: 24 triangular filters over FFT bins, equally spaced on the Bark
/// scale between 20 Hz and 20 kHz (built like torchaudio's melscale_fbanks: unit-height triangles,
/// each reaching from its neighbour's centre to the other neighbour's centre, no area normalisation).
/// </summary>
/// <remarks>
/// Bark is Traunmüller's (1990) formula z = 26.81 f / (1960 + f) - 0.53, with his end corrections
/// (below 2 Bark z += 0.15 (2 - z); above 20.1 Bark z += 0.22 (z - 20.1)). The inverse undoes both
/// corrections; torchaudio's inverse applies only the low one when both ends occur, which shifts its
/// top centres slightly — this one is exact. Bands above the Nyquist frequency get no bins and read 0.
/// </remarks>
public sealed class BarkFilterbank
{
    public const int BandCount = 24;
    public const double MinHz = 20;
    public const double MaxHz = 20000;

    private readonly int[] _firstBin;
    private readonly double[][] _weights;

    public BarkFilterbank(int sampleRate, int fftSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(fftSize, 2);
        SampleRate = sampleRate;
        FftSize = fftSize;

        double zLow = HzToBark(MinHz), zHigh = HzToBark(MaxHz);
        var points = new double[BandCount + 2];
        for (int i = 0; i < points.Length; i++)
            points[i] = BarkToHz(zLow + (zHigh - zLow) * i / (BandCount + 1));

        double binHz = (double)sampleRate / fftSize;
        int lastBin = fftSize / 2;
        var bands = new BarkBand[BandCount];
        _firstBin = new int[BandCount];
        _weights = new double[BandCount][];
        for (int b = 0; b < BandCount; b++)
        {
            double lo = points[b], centre = points[b + 1], hi = points[b + 2];
            bands[b] = new BarkBand(b, lo, centre, hi);
            int first = Math.Min((int)Math.Floor(lo / binHz) + 1, lastBin + 1);
            int last = Math.Min((int)Math.Ceiling(hi / binHz) - 1, lastBin);
            _firstBin[b] = first;
            _weights[b] = new double[Math.Max(0, last - first + 1)];
            for (int k = first; k <= last; k++)
            {
                double f = k * binHz;
                _weights[b][k - first] = Math.Max(0, Math.Min((f - lo) / (centre - lo), (hi - f) / (hi - centre)));
            }
        }
        Bands = bands;
    }

    public int SampleRate { get; }
    public int FftSize { get; }
    public IReadOnlyList<BarkBand> Bands { get; }

    /// <summary>Weighted sum of <paramref name="spectrum"/> (one value per bin 0..FftSize/2) in each band.</summary>
    public double[] Apply(ReadOnlySpan<double> spectrum)
    {
        if (spectrum.Length != FftSize / 2 + 1)
            throw new ArgumentException($"Expected {FftSize / 2 + 1} bins, got {spectrum.Length}.", nameof(spectrum));
        var result = new double[BandCount];
        for (int b = 0; b < BandCount; b++)
        {
            double sum = 0;
            var w = _weights[b];
            for (int i = 0; i < w.Length; i++) sum += w[i] * spectrum[_firstBin[b] + i];
            result[b] = sum;
        }
        return result;
    }

    /// <summary>Traunmüller's Bark with end corrections.</summary>
    public static double HzToBark(double hz)
    {
        double z = 26.81 * hz / (1960 + hz) - 0.53;
        if (z < 2) return z + 0.15 * (2 - z);
        if (z > 20.1) return z + 0.22 * (z - 20.1);
        return z;
    }

    /// <summary>Exact inverse of <see cref="HzToBark"/>.</summary>
    public static double BarkToHz(double bark)
    {
        double z = bark;
        if (bark < 2) z = (bark - 0.3) / 0.85;
        else if (bark > 20.1) z = (bark + 4.422) / 1.22;
        return 1960 * (z + 0.53) / (26.28 - z);
    }
}
