using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// The mix check's meter on one strip: per render block, the output's left, right and cross energies (what
/// loudness, balance and mono fold-down are computed from), the mid signal's third-octave spectrum (for
/// masking and tone), and runs of full-scale samples in the raw stem (clipping).
/// <para>
/// Cheap by design, so a check costs about what a render does: energies are three vector dot products, and
/// two blocks share one complex FFT (one in the real part, one in the imaginary part, separated afterwards by
/// conjugate symmetry). Loudness uses the block's own spectrum for the K-weighting instead of running the
/// K filter on every sample: the block's K-weighted share of power is Σ P(f)·|K(f)|² / Σ P(f) over its bins,
/// which is what the filter would leave of a block that is stationary over its 93 ms.
/// </para>
/// </summary>
public sealed class StripMeter : IStripTap
{
    /// <summary>|x| at or above this counts as full scale: 16-bit full scale is 32767/32768 = 0.99997.</summary>
    public const float FullScale = 0.9999f;
    /// <summary>This many consecutive full-scale samples make a clip (a single one is just a loud peak).</summary>
    public const int MinClipRun = 3;

    private readonly int _rate;
    private readonly int _inputChannels;
    private readonly int _fftSize;
    private readonly double[] _window;
    private readonly double _windowPower;
    private readonly int[] _binBand;
    private readonly double[] _kPower;
    private readonly double[] _re, _im;
    private readonly ComplexFft _fft;
    private readonly List<int> _frames = [];
    private readonly List<double> _left = [], _right = [], _cross = [], _kRatio = [];
    private readonly List<float[]> _bands = [];
    private readonly int[] _run;
    private bool _halfPacked;
    private double _peak;
    private int _clipRuns, _longestRun;
    private long _clipped;

    public StripMeter(int sampleRate, int inputChannels)
    {
        BlockGuard.CheckSampleRate(sampleRate, nameof(StripMeter));
        _rate = sampleRate;
        _inputChannels = inputChannels;
        // About 93 ms at 44.1 kHz: the render's block, and a tenth of a second as the loudness meter steps.
        _fftSize = (int)Math.Max(256, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(sampleRate * 0.085)));
        _fft = new ComplexFft(_fftSize);
        _re = new double[_fftSize];
        _im = new double[_fftSize];
        _window = new double[_fftSize];
        for (int n = 0; n < _fftSize; n++) _window[n] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / _fftSize);
        _windowPower = _window.Sum(w => w * w);
        _binBand = ThirdOctaveBands.BinMap(sampleRate, _fftSize);
        var shelf = KWeighting.HighShelf(sampleRate);
        var highPass = KWeighting.HighPass(sampleRate);
        _kPower = new double[_fftSize / 2 + 1];
        for (int k = 1; k < _kPower.Length; k++)
        {
            double f = (double)k * sampleRate / _fftSize;
            _kPower[k] = Math.Pow(10, (shelf.MagnitudeDb(f, sampleRate) + highPass.MagnitudeDb(f, sampleRate)) / 10);
        }
        _run = new int[Math.Max(1, inputChannels)];
    }

    public void Input(AudioBuffer raw, int frames)
    {
        for (int c = 0; c < raw.ChannelCount && c < _run.Length; c++)
        {
            ReadOnlySpan<float> x = raw.Channel(c)[..frames];
            if (frames == 0) continue;
            float peak = TensorPrimitives.MaxMagnitude(x);
            if (peak > _peak) _peak = peak;
            if (peak < FullScale)
            {
                EndRun(c);
                continue;
            }
            for (int i = 0; i < x.Length; i++)
            {
                if (Math.Abs(x[i]) >= FullScale) _run[c]++;
                else EndRun(c);
            }
        }
    }

    private void EndRun(int channel)
    {
        int run = _run[channel];
        if (run >= MinClipRun)
        {
            _clipRuns++;
            _clipped += run;
            _longestRun = Math.Max(_longestRun, run);
        }
        _run[channel] = 0;
    }

    public void Output(AudioBuffer stereo, int frames)
    {
        ReadOnlySpan<float> l = stereo.Channel(0)[..frames], r = stereo.Channel(1)[..frames];
        _frames.Add(frames);
        _left.Add(TensorPrimitives.Dot(l, l));
        _right.Add(TensorPrimitives.Dot(r, r));
        _cross.Add(TensorPrimitives.Dot(l, r));

        // Even blocks go in the real part, odd ones in the imaginary part of the same transform.
        double[] target = _halfPacked ? _im : _re;
        int n = Math.Min(frames, _fftSize);
        for (int i = 0; i < n; i++) target[i] = 0.5 * (l[i] + r[i]) * _window[i];
        Array.Clear(target, n, _fftSize - n);
        if (_halfPacked) Transform(2);
        _halfPacked = !_halfPacked;
    }

    private void Transform(int blocks)
    {
        if (blocks == 1) Array.Clear(_im);
        _fft.Forward(_re, _im);
        var first = new float[ThirdOctaveBands.Count];
        var second = blocks == 2 ? new float[ThirdOctaveBands.Count] : null;
        double total1 = 0, weighted1 = 0, total2 = 0, weighted2 = 0;
        // One-sided mean-square scaling: the bins of a frame sum to the windowed frame's mean square.
        double scale = 2.0 / (_fftSize * _windowPower);
        for (int k = 1; k <= _fftSize / 2; k++)
        {
            int m = (_fftSize - k) % _fftSize;
            double zr = _re[k], zi = _im[k], cr = _re[m], ci = -_im[m];    // Z[k] and conj(Z[N-k])
            double xr = 0.5 * (zr + cr), xi = 0.5 * (zi + ci);            // X = (Z + conj Z[N-k]) / 2
            double yr = 0.5 * (zi - ci), yi = -0.5 * (zr - cr);           // Y = (Z - conj Z[N-k]) / 2i
            double p1 = (xr * xr + xi * xi) * scale, p2 = (yr * yr + yi * yi) * scale;
            if (k == _fftSize / 2) { p1 /= 2; p2 /= 2; }
            total1 += p1;
            weighted1 += p1 * _kPower[k];
            total2 += p2;
            weighted2 += p2 * _kPower[k];
            int band = _binBand[k];
            if (band >= 0)
            {
                first[band] += (float)p1;
                if (second is not null) second[band] += (float)p2;
            }
        }
        _bands.Add(first);
        _kRatio.Add(total1 > 0 ? weighted1 / total1 : 1);
        if (second is not null)
        {
            _bands.Add(second);
            _kRatio.Add(total2 > 0 ? weighted2 / total2 : 1);
        }
    }

    /// <summary>Everything measured; call once, after the last block.</summary>
    public StripMeasurement Result()
    {
        if (_halfPacked)
        {
            Transform(1);
            _halfPacked = false;
        }
        for (int c = 0; c < _run.Length; c++) EndRun(c);
        return new StripMeasurement(_rate, _inputChannels, [.. _frames], [.. _left], [.. _right], [.. _cross], [.. _kRatio],
            [.. _bands], _peak, _clipRuns, _clipped, _longestRun);
    }
}
