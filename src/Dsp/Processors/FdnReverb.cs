using System.Numerics;
using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// The console's shared algorithmic reverb: a 16-line feedback delay network (Jot/Stautner-Puckette)
/// with an orthogonal Hadamard feedback matrix. Stereo send in, wet-only stereo out; the mixer applies
/// the return level.
/// </summary>
/// <remarks>
/// <para>Each line's loop gain sets its decay: a line of d samples loses 60 dB per DecayS seconds when
/// its gain is 10^(−3·d / (fs·DecayS)). Because the Hadamard matrix is orthogonal and every loop gain is
/// below 1, the network is stable for every setting.</para>
/// <para>Damping: a one-pole low-pass in each line (unity at DC) makes highs die faster. It is designed
/// per line, from the line's length, so the decay time at Nyquist is DecayS·(1 − 0.9·Damping) for
/// every line alike: Damping 0 is flat, 1 leaves the top a tenth of the decay time.</para>
/// <para>Delay lengths are distinct primes (so mutually prime, spreading the modes) between 23 and 73 ms
/// at any sample rate. The left and right inputs feed, and the outputs tap, the lines with different
/// orthogonal sign patterns, so the two outputs are decorrelated.</para>
/// <para>Processing runs in blocks no longer than the shortest line, so each block's line outputs were
/// all written before the block: every step is then a plain vector operation over the block.</para>
/// </remarks>
public sealed class FdnReverb
{
    public const int LineCount = 16;
    private const double ShortestLineMs = 23;
    private const double LongestLineMs = 73;
    private const double HighDecayShareAtFullDamping = 0.9;

    /// <summary>Makes the 16-point Walsh-Hadamard transform orthogonal.</summary>
    private const float HadamardNorm = 0.25f; // 1/sqrt(16) spread over the last stage: the other stages are unscaled

    /// <summary>Each input channel reaches every line at this level, so it injects unit energy.</summary>
    private const float InputScale = 0.25f;

    /// <summary>Each output sums 16 lines at this level.</summary>
    private const float OutputScale = 0.25f;

    /// <summary>Keeps the scratch small; blocks are also capped by the shortest line.</summary>
    private const int MaxBlock = 512;

    /// <summary>Added and removed from the damping state: rounds values below ~1e-27 to exactly zero (no denormals).</summary>
    private const float DenormalGuard = 1e-20f;

    // Sign patterns: Hadamard rows, one per role, distinct so the roles are orthogonal.
    private static readonly float[] InLeftSigns = HadamardRow(1);
    private static readonly float[] InRightSigns = HadamardRow(2);
    private static readonly float[] OutLeftSigns = HadamardRow(5);
    private static readonly float[] OutRightSigns = HadamardRow(6);

    private int _sampleRate;
    private ReverbSettings _settings = ReverbSettings.Default;
    private int[] _delay = [];
    private float[][] _lines = [];
    private readonly int[] _linePos = new int[LineCount];
    private readonly float[] _loopGain = new float[LineCount];
    private readonly float[] _dampCoef = new float[LineCount];   // one-pole: lp += coef·(x − lp)
    private readonly float[] _dampState = new float[LineCount];
    private float[][] _scratch = [];
    private float[] _inLeft = [], _inRight = [];
    private float[][] _preDelay = [];
    private int _preDelayPos, _preDelaySamples;
    private int _block;

    public void Prepare(int sampleRate)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"FdnReverb: sample rate must be positive (got {sampleRate}).");
        _sampleRate = sampleRate;
        _delay = DelayLengths(sampleRate);
        _lines = _delay.Select(d => new float[d]).ToArray();
        _block = Math.Min(MaxBlock, _delay.Min());
        _scratch = Enumerable.Range(0, LineCount).Select(_ => new float[_block]).ToArray();
        _inLeft = new float[_block];
        _inRight = new float[_block];
        int maxPreDelay = (int)Math.Ceiling(ConsoleRanges.ReverbPreDelayMs.Max / 1000 * sampleRate);
        _preDelay = [new float[maxPreDelay + _block], new float[maxPreDelay + _block]];
        Update(_settings);
        Reset();
    }

    public void Update(ReverbSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_sampleRate == 0) throw new InvalidOperationException("FdnReverb: call Prepare before Update.");
        _settings = s.Validated();
        double highDecayS = s.DecayS * (1 - HighDecayShareAtFullDamping * s.Damping);
        for (int i = 0; i < LineCount; i++)
        {
            double seconds = (double)_delay[i] / _sampleRate;
            _loopGain[i] = (float)Math.Pow(10, -3 * seconds / s.DecayS);
            // Extra loss per pass at Nyquist, beyond the broadband loop gain, so the top decays in highDecayS.
            double nyquistGain = Math.Pow(10, -3 * seconds * (1 / highDecayS - 1 / s.DecayS));
            // One-pole y += c(x − y) has Nyquist gain c / (2 − c).
            _dampCoef[i] = (float)(2 * nyquistGain / (1 + nyquistGain));
        }
        _preDelaySamples = (int)Math.Round(s.PreDelayMs / 1000 * _sampleRate);
    }

    public void Reset()
    {
        foreach (var line in _lines) Array.Clear(line);
        Array.Clear(_linePos);
        Array.Clear(_dampState);
        foreach (var p in _preDelay) Array.Clear(p);
        _preDelayPos = 0;
    }

    /// <summary>
    /// Reads <paramref name="frames"/> frames of the stereo send bus and writes the wet stereo signal to
    /// the first <paramref name="frames"/> frames of <paramref name="output"/> (overwriting them).
    /// </summary>
    public void Process(AudioBuffer input, AudioBuffer output, int frames)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (_sampleRate == 0) throw new InvalidOperationException("FdnReverb: call Prepare before Process.");
        if (input.ChannelCount != 2 || output.ChannelCount != 2)
            throw new ArgumentException($"FdnReverb: the send and return buses are stereo (got {input.ChannelCount} in, {output.ChannelCount} out).");
        if (frames < 0 || frames > input.Frames || frames > output.Frames)
            throw new ArgumentOutOfRangeException(nameof(frames), $"FdnReverb: frames must be 0 to {Math.Min(input.Frames, output.Frames)} (got {frames}).");

        for (int start = 0; start < frames; start += _block)
        {
            int n = Math.Min(_block, frames - start);
            PreDelay(input.Channel(0).Slice(start, n), input.Channel(1).Slice(start, n), n);
            ProcessBlock(output.Channel(0).Slice(start, n), output.Channel(1).Slice(start, n), n);
        }
    }

    private void PreDelay(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int n)
    {
        int size = _preDelay[0].Length;
        for (int ch = 0; ch < 2; ch++)
        {
            var ring = _preDelay[ch];
            var src = ch == 0 ? left : right;
            var dst = ch == 0 ? _inLeft : _inRight;
            // Write the block, then read it back delayed (a zero delay reads what was just written).
            CopyIntoRing(src, ring, _preDelayPos);
            CopyFromRing(ring, (_preDelayPos - _preDelaySamples + size) % size, dst.AsSpan(0, n));
        }
        _preDelayPos = (_preDelayPos + n) % size;
    }

    private void ProcessBlock(Span<float> outLeft, Span<float> outRight, int n)
    {
        // Line outputs, damped and scaled by the loop gain.
        for (int i = 0; i < LineCount; i++) CopyFromRing(_lines[i], _linePos[i], _scratch[i].AsSpan(0, n));
        for (int i = 0; i < LineCount; i += 4) Damp(i, n);

        // Wet outputs tap the lines with orthogonal sign patterns.
        outLeft.Clear();
        outRight.Clear();
        for (int i = 0; i < LineCount; i++)
        {
            var x = _scratch[i].AsSpan(0, n);
            TensorPrimitives.MultiplyAdd(x, OutLeftSigns[i] * OutputScale, outLeft, outLeft);
            TensorPrimitives.MultiplyAdd(x, OutRightSigns[i] * OutputScale, outRight, outRight);
        }

        // Feedback: fast Walsh-Hadamard transform across the lines (the 1/4 normalisation that makes it
        // orthogonal is folded into the last stage), then the send, back into the lines.
        for (int h = 1; h < LineCount; h *= 2)
        {
            float scale = 2 * h == LineCount ? HadamardNorm : 1f;
            for (int i = 0; i < LineCount; i += 2 * h)
                for (int j = i; j < i + h; j++)
                    Butterfly(_scratch[j].AsSpan(0, n), _scratch[j + h].AsSpan(0, n), scale);
        }
        for (int i = 0; i < LineCount; i++)
        {
            var x = _scratch[i].AsSpan(0, n);
            TensorPrimitives.MultiplyAdd(_inLeft.AsSpan(0, n), InLeftSigns[i] * InputScale, x, x);
            TensorPrimitives.MultiplyAdd(_inRight.AsSpan(0, n), InRightSigns[i] * InputScale, x, x);
            CopyIntoRing(x, _lines[i], _linePos[i]);
            _linePos[i] = (_linePos[i] + n) % _lines[i].Length;
        }
    }

    /// <summary>
    /// Damping low-pass and loop gain for lines [first, first+4): four independent recursions in one loop
    /// so their latencies overlap.
    /// </summary>
    private void Damp(int first, int n)
    {
        Span<float> x0 = _scratch[first].AsSpan(0, n), x1 = _scratch[first + 1].AsSpan(0, n),
                    x2 = _scratch[first + 2].AsSpan(0, n), x3 = _scratch[first + 3].AsSpan(0, n);
        float c0 = _dampCoef[first], c1 = _dampCoef[first + 1], c2 = _dampCoef[first + 2], c3 = _dampCoef[first + 3];
        float k0 = 1 - c0, k1 = 1 - c1, k2 = 1 - c2, k3 = 1 - c3;
        float g0 = _loopGain[first], g1 = _loopGain[first + 1], g2 = _loopGain[first + 2], g3 = _loopGain[first + 3];
        float y0 = _dampState[first], y1 = _dampState[first + 1], y2 = _dampState[first + 2], y3 = _dampState[first + 3];
        for (int t = 0; t < n; t++)
        {
            y0 = MathF.FusedMultiplyAdd(k0, y0, c0 * x0[t]); x0[t] = g0 * y0;
            y1 = MathF.FusedMultiplyAdd(k1, y1, c1 * x1[t]); x1[t] = g1 * y1;
            y2 = MathF.FusedMultiplyAdd(k2, y2, c2 * x2[t]); x2[t] = g2 * y2;
            y3 = MathF.FusedMultiplyAdd(k3, y3, c3 * x3[t]); x3[t] = g3 * y3;
        }
        _dampState[first] = Flush(y0); _dampState[first + 1] = Flush(y1);
        _dampState[first + 2] = Flush(y2); _dampState[first + 3] = Flush(y3);
        // The line signals themselves: quantised at ~1e-27 so a fading tail reaches exact zero.
        for (int i = first; i < first + 4; i++)
        {
            var x = _scratch[i].AsSpan(0, n);
            TensorPrimitives.Add(x, DenormalGuard, x);
            TensorPrimitives.Subtract(x, DenormalGuard, x);
        }
    }

    private static float Flush(float v) => (v + DenormalGuard) - DenormalGuard;

    /// <summary>(a, b) ← (s·(a + b), s·(a − b)).</summary>
    private static void Butterfly(Span<float> a, Span<float> b, float scale)
    {
        int i = 0;
        var s = new Vector<float>(scale);
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var va = new Vector<float>(a[i..]);
            var vb = new Vector<float>(b[i..]);
            ((va + vb) * s).CopyTo(a[i..]);
            ((va - vb) * s).CopyTo(b[i..]);
        }
        for (; i < a.Length; i++)
        {
            float va = a[i], vb = b[i];
            a[i] = (va + vb) * scale;
            b[i] = (va - vb) * scale;
        }
    }

    private static void CopyIntoRing(ReadOnlySpan<float> source, float[] ring, int pos)
    {
        int first = Math.Min(source.Length, ring.Length - pos);
        source[..first].CopyTo(ring.AsSpan(pos));
        source[first..].CopyTo(ring);
    }

    private static void CopyFromRing(float[] ring, int pos, Span<float> destination)
    {
        int first = Math.Min(destination.Length, ring.Length - pos);
        ring.AsSpan(pos, first).CopyTo(destination);
        ring.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
    }

    /// <summary>Distinct primes spaced geometrically between the shortest and longest line length.</summary>
    private static int[] DelayLengths(int sampleRate)
    {
        var lengths = new int[LineCount];
        int previous = 1;
        for (int i = 0; i < LineCount; i++)
        {
            double ms = ShortestLineMs * Math.Pow(LongestLineMs / ShortestLineMs, i / (double)(LineCount - 1));
            int candidate = Math.Max(previous + 1, (int)Math.Round(ms / 1000 * sampleRate));
            while (!IsPrime(candidate)) candidate++;
            lengths[i] = previous = candidate;
        }
        return lengths;
    }

    private static bool IsPrime(int n)
    {
        if (n < 2) return false;
        for (int d = 2; (long)d * d <= n; d++)
            if (n % d == 0) return false;
        return true;
    }

    /// <summary>Row <paramref name="row"/> of the 16x16 Sylvester Hadamard matrix: sign of (−1)^popcount(row &amp; i).</summary>
    private static float[] HadamardRow(int row) =>
        Enumerable.Range(0, LineCount).Select(i => BitOperations.PopCount((uint)(row & i)) % 2 == 0 ? 1f : -1f).ToArray();
}
