using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Streaming short-time spectrum of the mid (L+R) and side (L-R) signals, averaged over time: the
/// one STFT shared by the Bark spectrum, the octave bands and the overlap measure. Hann-windowed
/// frames of <see cref="FftSize"/> (8192 at 44.1/48 kHz, scaled with the rate so the bin width stays
/// about 5-6 Hz), 50 % overlap. Memory is one frame of history plus the running sums.
/// </summary>
/// <remarks>
/// Mid and side are real, so both are transformed with a single complex FFT (mid in the real part,
/// side in the imaginary part) and separated by conjugate symmetry: half the work of two transforms.
/// Mono input is treated as a dual-mono pair (mid = 2x, side = 0) so its features match the same
/// audio delivered as stereo.
/// <para>
/// Only whole frames are averaged: the last partial hop of a stream is still seen by the falling
/// half of the last frame's window, and zero-padding a cut-off frame would smear a rectangular
/// edge's leakage over the whole spectrum. A clip shorter than one frame is read as one frame
/// windowed by a Hann of its own length, computed when results are read and never committed, so
/// reading mid-stream changes nothing.
/// </para>
/// </remarks>
public sealed class SpectrumAccumulator
{
    /// <summary>Frame length at 44.1 and 48 kHz.</summary>
    public const int ReferenceFftSize = 8192;

    private readonly ComplexFft _fft;
    private readonly double[] _window;
    private readonly double[] _mid, _side;   // the current frame's samples, oldest first
    private readonly double[] _re, _im;      // FFT work space
    private readonly double[] _midMagSum, _sideMagSum, _midPowSum, _sidePowSum;
    private readonly double[] _midBinPower, _sideBinPower, _binMagnitude; // one frame's bins, work space
    private readonly int _hop;
    private int _filled;
    private long _frames;

    public SpectrumAccumulator(int sampleRate, int channels)
    {
        BlockGuard.CheckSampleRate(sampleRate, nameof(SpectrumAccumulator));
        BlockGuard.CheckChannels(channels, 2, nameof(SpectrumAccumulator));
        SampleRate = sampleRate;
        Channels = channels;
        FftSize = FftSizeFor(sampleRate);
        _hop = FftSize / 2;
        _fft = new ComplexFft(FftSize);
        _window = new double[FftSize];
        for (int n = 0; n < FftSize; n++) _window[n] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / FftSize); // periodic Hann
        _mid = new double[FftSize];
        _side = new double[FftSize];
        _re = new double[FftSize];
        _im = new double[FftSize];
        int bins = FftSize / 2 + 1;
        _midMagSum = new double[bins];
        _sideMagSum = new double[bins];
        _midPowSum = new double[bins];
        _sidePowSum = new double[bins];
        _midBinPower = new double[bins];
        _sideBinPower = new double[bins];
        _binMagnitude = new double[bins];
    }

    public int SampleRate { get; }
    public int Channels { get; }
    public int FftSize { get; }

    /// <summary>8192 at 44.1/48 kHz, doubled or halved per octave of sample rate away from 48 kHz.</summary>
    public static int FftSizeFor(int sampleRate) =>
        (int)(ReferenceFftSize * Math.Pow(2, Math.Round(Math.Log2(sampleRate / 48000.0))));

    public void Reset()
    {
        _filled = 0;
        _frames = 0;
        Array.Clear(_midMagSum);
        Array.Clear(_sideMagSum);
        Array.Clear(_midPowSum);
        Array.Clear(_sidePowSum);
    }

    public void Add(AudioBuffer block, int frames)
    {
        BlockGuard.Check(block, frames, Channels, SampleRate, nameof(SpectrumAccumulator));
        ReadOnlySpan<float> left = block.Channel(0), right = Channels == 2 ? block.Channel(1) : left;
        int offset = 0;
        while (offset < frames)
        {
            int n = Math.Min(frames - offset, FftSize - _filled);
            for (int i = 0; i < n; i++)
            {
                double l = left[offset + i], r = right[offset + i];
                _mid[_filled + i] = l + r;
                _side[_filled + i] = l - r;
            }
            _filled += n;
            offset += n;
            if (_filled == FftSize)
            {
                Transform(_filled, _midMagSum, _sideMagSum, _midPowSum, _sidePowSum);
                _frames++;
                Array.Copy(_mid, _hop, _mid, 0, _hop);
                Array.Copy(_side, _hop, _side, 0, _hop);
                _filled = _hop;
            }
        }
    }

    /// <summary>The averaged spectra so far; all zeros before any audio.</summary>
    public AveragedSpectrum Average()
    {
        double[] midMag = (double[])_midMagSum.Clone(), sideMag = (double[])_sideMagSum.Clone();
        double[] midPow = (double[])_midPowSum.Clone(), sidePow = (double[])_sidePowSum.Clone();
        long frames = _frames;
        if (frames == 0 && _filled > 1)
        {
            Transform(_filled, midMag, sideMag, midPow, sidePow);
            frames = 1;
        }
        if (frames > 1)
        {
            foreach (var sums in new[] { midMag, sideMag, midPow, sidePow })
                for (int k = 0; k < sums.Length; k++) sums[k] /= frames;
        }
        return new AveragedSpectrum(SampleRate, FftSize, frames, midMag, sideMag, midPow, sidePow);
    }

    /// <summary>
    /// Windows the first <paramref name="valid"/> samples with a Hann window of that length (zeros
    /// after), transforms, and adds the scaled spectra to the sums. Scaling by the window's own sums
    /// (sum(w) for magnitude, sum(w^2) for power) keeps a short clip's single frame calibrated.
    /// </summary>
    private void Transform(int valid, double[] midMag, double[] sideMag, double[] midPow, double[] sidePow)
    {
        double windowSum, windowSquares;
        if (valid == FftSize)
        {
            TensorPrimitives.Multiply(_mid, _window, _re);
            TensorPrimitives.Multiply(_side, _window, _im);
            (windowSum, windowSquares) = (FftSize / 2.0, 3.0 * FftSize / 8); // periodic Hann
        }
        else
        {
            windowSum = windowSquares = 0;
            for (int n = 0; n < valid; n++)
            {
                double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / valid);
                _re[n] = _mid[n] * w;
                _im[n] = _side[n] * w;
                windowSum += w;
                windowSquares += w * w;
            }
            Array.Clear(_re, valid, FftSize - valid);
            Array.Clear(_im, valid, FftSize - valid);
        }
        _fft.Forward(_re, _im);

        // Z = M + iS with M, S Hermitian: M[k] = (Z[k] + conj Z[N-k]) / 2, S[k] = (Z[k] - conj Z[N-k]) / 2i.
        int half = FftSize / 2;
        for (int k = 0; k <= half; k++)
        {
            int m = (FftSize - k) & (FftSize - 1);
            double a = _re[k], b = _im[k], c = _re[m], d = _im[m];
            _midBinPower[k] = 0.25 * ((a + c) * (a + c) + (b - d) * (b - d));
            _sideBinPower[k] = 0.25 * ((a - c) * (a - c) + (b + d) * (b + d));
        }
        double magScale = 2 / windowSum, powScale = 2 / (FftSize * windowSquares);
        Accumulate(_midBinPower, midMag, midPow, magScale, powScale);
        Accumulate(_sideBinPower, sideMag, sidePow, magScale, powScale);
    }

    private void Accumulate(double[] binPower, double[] magSum, double[] powSum, double magScale, double powScale)
    {
        TensorPrimitives.MultiplyAdd(binPower, powScale, powSum, powSum);
        TensorPrimitives.Sqrt(binPower, _binMagnitude);
        TensorPrimitives.MultiplyAdd(_binMagnitude, magScale, magSum, magSum);
        // The scales are one-sided: every bin also stands for its negative-frequency mirror, except
        // DC and Nyquist, which have none and so count half.
        foreach (int k in (ReadOnlySpan<int>)[0, binPower.Length - 1])
        {
            powSum[k] -= 0.5 * powScale * binPower[k];
            magSum[k] -= 0.5 * magScale * _binMagnitude[k];
        }
    }
}
