using System.Numerics;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// The console's shared algorithmic reverb: a 16-line feedback delay network (Jot/Stautner-Puckette)
/// with an orthogonal Hadamard feedback matrix. Stereo send in, wet-only stereo out; the mixer applies
/// the return level.
/// </summary>
/// <remarks>
/// <para>Decay: a line of d samples loses 60 dB per DecayS seconds when its loop gain is
/// 10^(−3·d / (fs·DecayS)). The matrix is orthogonal and every loop gain is below 1, so the network is
/// stable for every setting.</para>
/// <para>Damping: each line also passes a one-pole low-pass (unity at DC), designed per line from its
/// length so that the decay time at 8 kHz is DecayS·(1 − 0.9·Damping) for every line alike: Damping 0
/// is flat, 1 leaves the highs a tenth of the decay time (higher frequencies die faster still).</para>
/// <para>Delay lengths are distinct primes (so mutually prime, which spreads the modes) spaced
/// geometrically between 23 and 73 ms at any sample rate. The left and right inputs feed, and the two
/// outputs tap, the lines with different rows of the Hadamard matrix (orthogonal sign patterns), so the
/// outputs are decorrelated. Level: a steady stereo send comes back about 8 dB lower at the default
/// 1.8 s decay (longer decays are louder: about −17 dB at 0.5 s, −4 dB at 4 s).</para>
/// <para>Processing runs in blocks no longer than the shortest line, so everything a block reads from
/// the lines was written before the block: each step is then a vector operation over the block.
/// Values below ~1e-27 are rounded to zero as they go round, so a fading tail ends in exact zeros
/// rather than slow denormals.</para>
/// </remarks>
public sealed class FdnReverb
{
    public const int LineCount = 16;
    private const double ShortestLineMs = 23;
    private const double LongestLineMs = 73;
    private const double HighDecayShareAtFullDamping = 0.9;

    /// <summary>Where Damping's decay time is defined (or 0.4·fs if that is lower).</summary>
    private const double DampingReferenceHz = 8000;

    /// <summary>Each input channel reaches every line at this level (a Hadamard row over 4: unit energy in).</summary>
    private const float InputScale = 0.25f;

    /// <summary>Each output sums the 16 lines at this level.</summary>
    private const float OutputScale = 0.25f;

    /// <summary>Keeps the scratch (16 lines of it) inside the L1 cache; blocks are also capped by the shortest line.</summary>
    private const int MaxBlock = 256;

    /// <summary>Added and removed on the way round: rounds values below ~1e-27 to exactly zero.</summary>
    private const float DenormalGuard = 1e-20f;

    // Sign patterns: distinct Hadamard rows, one per role, so the roles are orthogonal.
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
    private readonly float[] _dampCoef = new float[LineCount];  // one-pole: y += coef·(x − y)
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
        double w = 2 * Math.PI * Math.Min(DampingReferenceHz, 0.4 * _sampleRate) / _sampleRate;
        for (int i = 0; i < LineCount; i++)
        {
            double seconds = (double)_delay[i] / _sampleRate;
            _loopGain[i] = (float)Math.Pow(10, -3 * seconds / s.DecayS);
            // Extra loss per pass at the reference, beyond the loop gain, so the highs decay in highDecayS.
            double g = Math.Pow(10, -3 * seconds * (1 / highDecayS - 1 / s.DecayS));
            _dampCoef[i] = (float)(1 - OnePolePole(g, w));
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
        int readPos = (_preDelayPos - _preDelaySamples + size) % size;
        // Write the block, then read it back delayed (a zero delay reads what was just written).
        CopyIntoRing(left, _preDelay[0], _preDelayPos);
        CopyIntoRing(right, _preDelay[1], _preDelayPos);
        CopyFromRing(_preDelay[0], readPos, _inLeft.AsSpan(0, n));
        CopyFromRing(_preDelay[1], readPos, _inRight.AsSpan(0, n));
        _preDelayPos = (_preDelayPos + n) % size;
    }

    private void ProcessBlock(Span<float> outLeft, Span<float> outRight, int n)
    {
        for (int i = 0; i < LineCount; i++) CopyFromRing(_lines[i], _linePos[i], _scratch[i].AsSpan(0, n));
        for (int i = 0; i < LineCount; i += 4) Damp(i, n);
        outLeft.Clear();
        outRight.Clear();
        for (int i = 0; i < LineCount; i++) Tap(_scratch[i].AsSpan(0, n), OutLeftSigns[i] * OutputScale, OutRightSigns[i] * OutputScale, outLeft, outRight);
        Hadamard(n);
        for (int i = 0; i < LineCount; i++) WriteLine(i, n);
    }

    /// <summary>
    /// Damping low-pass and loop gain for lines [first, first+4): four independent recursions in one
    /// loop so their latencies overlap.
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
    }

    private static float Flush(float v) => v + DenormalGuard - DenormalGuard;

    /// <summary>left += l·x; right += r·x.</summary>
    private static void Tap(ReadOnlySpan<float> x, float l, float r, Span<float> left, Span<float> right)
    {
        int t = 0, width = Vector<float>.Count;
        for (; t + width <= x.Length; t += width)
        {
            var v = new Vector<float>(x[t..]);
            (new Vector<float>(left[t..]) + v * new Vector<float>(l)).CopyTo(left[t..]);
            (new Vector<float>(right[t..]) + v * new Vector<float>(r)).CopyTo(right[t..]);
        }
        for (; t < x.Length; t++)
        {
            left[t] += x[t] * l;
            right[t] += x[t] * r;
        }
    }

    /// <summary>
    /// Pole a of the unity-DC one-pole (1 − a)/(1 − a·z⁻¹) whose gain at <paramref name="w"/> (rad/sample)
    /// is <paramref name="gain"/> (0 &lt; gain ≤ 1): the smaller root of
    /// (1 − g²)a² − 2(1 − g²·cos w)a + (1 − g²) = 0.
    /// </summary>
    private static double OnePolePole(double gain, double w)
    {
        double g2 = gain * gain;
        if (1 - g2 < 1e-12) return 0;
        double b = 1 - g2 * Math.Cos(w), c = 1 - g2;
        return (b - Math.Sqrt(b * b - c * c)) / c;
    }

    /// <summary>
    /// The 16-point fast Walsh-Hadamard transform across the lines' scratch, as two radix-4 passes, with
    /// the 1/4 that makes it orthogonal folded into the second.
    /// </summary>
    private void Hadamard(int n)
    {
        for (int group = 0; group < LineCount; group += 4)
            Radix4(_scratch[group], _scratch[group + 1], _scratch[group + 2], _scratch[group + 3], n, 1f);
        for (int j = 0; j < 4; j++)
            Radix4(_scratch[j], _scratch[j + 4], _scratch[j + 8], _scratch[j + 12], n, 0.25f);
    }

    /// <summary>(a, b, c, d) ← s·(a+b+c+d, a−b+c−d, a+b−c−d, a−b−c+d) over samples 0..n−1.</summary>
    private static void Radix4(float[] a, float[] b, float[] c, float[] d, int n, float scale)
    {
        var s = new Vector<float>(scale);
        int t = 0, width = Vector<float>.Count;
        for (; t + width <= n; t += width)
        {
            var va = new Vector<float>(a, t); var vb = new Vector<float>(b, t);
            var vc = new Vector<float>(c, t); var vd = new Vector<float>(d, t);
            Vector<float> ab = va + vb, aMinusB = va - vb, cd = vc + vd, cMinusD = vc - vd;
            ((ab + cd) * s).CopyTo(a, t);
            ((aMinusB + cMinusD) * s).CopyTo(b, t);
            ((ab - cd) * s).CopyTo(c, t);
            ((aMinusB - cMinusD) * s).CopyTo(d, t);
        }
        for (; t < n; t++)
        {
            float ab = a[t] + b[t], aMinusB = a[t] - b[t], cd = c[t] + d[t], cMinusD = c[t] - d[t];
            a[t] = (ab + cd) * scale;
            b[t] = (aMinusB + cMinusD) * scale;
            c[t] = (ab - cd) * scale;
            d[t] = (aMinusB - cMinusD) * scale;
        }
    }

    /// <summary>Adds the send (with line i's signs) to the mixed signal and writes the block into line i.</summary>
    private void WriteLine(int i, int n)
    {
        var x = _scratch[i].AsSpan(0, n);
        float inL = InLeftSigns[i] * InputScale, inR = InRightSigns[i] * InputScale;
        var guard = new Vector<float>(DenormalGuard);
        int t = 0, width = Vector<float>.Count;
        for (; t + width <= n; t += width)
        {
            var v = new Vector<float>(x[t..]) + new Vector<float>(_inLeft, t) * new Vector<float>(inL) + new Vector<float>(_inRight, t) * new Vector<float>(inR);
            (v + guard - guard).CopyTo(x[t..]);
        }
        for (; t < n; t++) x[t] = x[t] + _inLeft[t] * inL + _inRight[t] * inR + DenormalGuard - DenormalGuard;
        CopyIntoRing(x, _lines[i], _linePos[i]);
        _linePos[i] = (_linePos[i] + n) % _lines[i].Length;
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

    /// <summary>Row <paramref name="row"/> of the 16x16 Sylvester Hadamard matrix: (−1)^popcount(row &amp; i).</summary>
    private static float[] HadamardRow(int row) =>
        Enumerable.Range(0, LineCount).Select(i => BitOperations.PopCount((uint)(row & i)) % 2 == 0 ? 1f : -1f).ToArray();
}
