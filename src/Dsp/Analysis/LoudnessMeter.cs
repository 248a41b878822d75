using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Streaming loudness meter after ITU-R BS.1770-4 and EBU Tech 3341/3342: integrated loudness,
/// loudness range, maximum momentary and short-term loudness, and a short-term curve for plots.
/// </summary>
/// <remarks>
/// The K-weighted signal is reduced to one energy per 100 ms; the 400 ms momentary blocks (75 %
/// overlap) and 3 s short-term windows (100 ms hop, like ffmpeg's ebur128 filter) are rebuilt from
/// those on demand. That is one double per 100 ms (under 300 KB for an hour), and results are exact
/// rather than histogram-quantised. A trailing partial 100 ms is not counted, as in ffmpeg and
/// libebur128.
/// <para>
/// Every channel is weighted 1.0: the buffer carries no speaker positions, so surround weights
/// cannot apply. Mono is therefore counted once, exactly like ffmpeg's ebur128 without
/// <c>dualmono</c> (a mono file reads about 3 LU lower than the same audio as a dual-mono stereo
/// pair).
/// </para>
/// </remarks>
public sealed class LoudnessMeter
{
    public const double AbsoluteGateLufs = -70;
    public const double RelativeGateLu = -10;
    public const double RangeRelativeGateLu = -20;
    public const double RangeLowPercentile = 0.10;
    public const double RangeHighPercentile = 0.95;

    private const int SubBlocksPerMomentary = 4;   // 400 ms
    private const int SubBlocksPerShortTerm = 30;  // 3 s
    private const int SubBlocksPerSecond = 10;

    // K-weighting runs on channel pairs through the EQ's vectorised cascade (both lanes of a pair at
    // once; a lone last channel fills both lanes and is counted once). State: 2 sections x 2 lanes.
    private readonly BiquadCoefficients[] _kWeighting;
    private readonly double[][] _s1, _s2;
    private readonly float[] _left, _right;
    private readonly int _subBlockFrames;
    private readonly List<double> _subBlockEnergy = [];
    private double _pendingSum;
    private int _pendingFrames;

    public LoudnessMeter(int sampleRate, int channels)
    {
        BlockGuard.CheckSampleRate(sampleRate, nameof(LoudnessMeter));
        BlockGuard.CheckChannels(channels, 64, nameof(LoudnessMeter));
        SampleRate = sampleRate;
        Channels = channels;
        _subBlockFrames = (sampleRate + 5) / 10;
        _kWeighting = [KWeighting.HighShelf(sampleRate), KWeighting.HighPass(sampleRate)];
        int pairs = (channels + 1) / 2;
        _s1 = new double[pairs][];
        _s2 = new double[pairs][];
        for (int p = 0; p < pairs; p++) { _s1[p] = new double[4]; _s2[p] = new double[4]; }
        _left = new float[_subBlockFrames];
        _right = new float[_subBlockFrames];
    }

    public int SampleRate { get; }
    public int Channels { get; }

    public void Reset()
    {
        foreach (var state in _s1.Concat(_s2)) Array.Clear(state);
        _subBlockEnergy.Clear();
        _pendingSum = 0;
        _pendingFrames = 0;
    }

    public void Add(AudioBuffer block, int frames)
    {
        BlockGuard.Check(block, frames, Channels, SampleRate, nameof(LoudnessMeter));
        int offset = 0;
        while (offset < frames)
        {
            int n = Math.Min(frames - offset, _subBlockFrames - _pendingFrames);
            for (int c = 0, pair = 0; c < Channels; c += 2, pair++)
            {
                Span<float> l = _left.AsSpan(0, n), r = _right.AsSpan(0, n);
                block.Channel(c).Slice(offset, n).CopyTo(l);
                bool lone = c + 1 == Channels;
                block.Channel(lone ? c : c + 1).Slice(offset, n).CopyTo(r);
                BiquadCascade.Process(l, r, _kWeighting, _s1[pair], _s2[pair]);
                _pendingSum += TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)l) + (lone ? 0 : TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)r));
            }
            _pendingFrames += n;
            offset += n;
            if (_pendingFrames == _subBlockFrames)
            {
                _subBlockEnergy.Add(_pendingSum / _subBlockFrames);
                _pendingSum = 0;
                _pendingFrames = 0;
            }
        }
    }

    /// <summary>Gated integrated loudness (BS.1770-4); -infinity when nothing passes the gates.</summary>
    public double IntegratedLufs => Loudness.LufsFromEnergy(GatedMean(WindowEnergies(SubBlocksPerMomentary), RelativeGateLu));

    /// <summary>
    /// Loudness range (EBU Tech 3342): the spread between the 10th and 95th percentiles of the gated
    /// short-term loudness. 0 when fewer than one 3 s window passes the gates, as ffmpeg reports.
    /// </summary>
    public double LoudnessRangeLu
    {
        get
        {
            var windows = WindowEnergies(SubBlocksPerShortTerm);
            double gate = GateEnergy(windows, RangeRelativeGateLu);
            var kept = windows.Where(e => e > gate).Select(Loudness.LufsFromEnergy).ToArray();
            if (kept.Length == 0) return 0;
            Array.Sort(kept);
            return Percentile(kept, RangeHighPercentile) - Percentile(kept, RangeLowPercentile);
        }
    }

    /// <summary>Loudest 400 ms block; -infinity when under 400 ms has been measured.</summary>
    public double MaxMomentaryLufs => MaxLufs(SubBlocksPerMomentary);

    /// <summary>Loudest 3 s window (100 ms steps); -infinity when under 3 s has been measured.</summary>
    public double MaxShortTermLufs => MaxLufs(SubBlocksPerShortTerm);

    /// <summary>
    /// Short-term loudness once per second, for plots: entry i is the window ending at i+1 seconds. The
    /// first two entries cover only the 1 s and 2 s available, so the curve starts at the start.
    /// </summary>
    public IReadOnlyList<double> ShortTermLufs
    {
        get
        {
            int count = _subBlockEnergy.Count / SubBlocksPerSecond;
            var series = new double[count];
            for (int i = 0; i < count; i++)
            {
                int end = (i + 1) * SubBlocksPerSecond;
                int start = Math.Max(0, end - SubBlocksPerShortTerm);
                series[i] = Loudness.LufsFromEnergy(Mean(start, end - start));
            }
            return series;
        }
    }

    /// <summary>Audio measured so far, in seconds (whole 100 ms steps plus the partial one).</summary>
    public double DurationSeconds => (_subBlockEnergy.Count * (double)_subBlockFrames + _pendingFrames) / SampleRate;

    private double MaxLufs(int length)
    {
        var windows = WindowEnergies(length);
        return windows.Length == 0 ? double.NegativeInfinity : Loudness.LufsFromEnergy(windows.Max());
    }

    /// <summary>Mean energy of every window of <paramref name="length"/> sub-blocks, stepping one sub-block.</summary>
    private double[] WindowEnergies(int length)
    {
        int count = Math.Max(0, _subBlockEnergy.Count - length + 1);
        var windows = new double[count];
        // Summed afresh per window rather than by a running sum: a running sum would carry the
        // rounding of a loud passage into a quiet one 60 dB down.
        for (int j = 0; j < count; j++) windows[j] = Mean(j, length);
        return windows;
    }

    private double Mean(int start, int length)
    {
        double sum = 0;
        for (int i = start; i < start + length; i++) sum += _subBlockEnergy[i];
        return sum / length;
    }

    /// <summary>
    /// The energy a window must exceed: the absolute gate, raised to <paramref name="relativeLu"/>
    /// below the mean of the windows above the absolute gate. +infinity when none is above it.
    /// </summary>
    private static double GateEnergy(double[] windows, double relativeLu)
    {
        double absolute = Loudness.EnergyFromLufs(AbsoluteGateLufs);
        double sum = 0;
        int n = 0;
        foreach (double e in windows)
            if (e > absolute) { sum += e; n++; }
        if (n == 0) return double.PositiveInfinity;
        return Math.Max(absolute, sum / n * Math.Pow(10, relativeLu / 10));
    }

    private static double GatedMean(double[] windows, double relativeLu)
    {
        double gate = GateEnergy(windows, relativeLu);
        double sum = 0;
        int n = 0;
        foreach (double e in windows)
            if (e > gate) { sum += e; n++; }
        return n == 0 ? 0 : sum / n;
    }

    /// <summary>Nearest-rank percentile of sorted values (the rounding EBU Tech 3342's example uses).</summary>
    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Round((sorted.Length - 1) * p)];
}
