using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// Master-bus brick-wall limiter on the true (inter-sample) peak, with lookahead so the gain is already
/// down when a peak arrives. The audio is delayed by <see cref="LatencyFrames"/>; the renderer drops
/// that many leading frames and flushes the tail with zeros.
/// </summary>
/// <remarks>
/// <para>Detection: per channel, <see cref="InterSamplePeakEstimator"/> gives for every input sample t
/// (from the <c>Support</c> samples up to t) the larger of what the <see cref="TruePeakDetector"/>
/// reads there (same coefficients, computed a block at a time: calling its per-sample <c>Next</c> on a
/// loud master would cost ~45 ns per sample and channel) and what a flatter interpolator with a refined
/// peak reads; the channels are linked by the larger value, and the gain that window needs is
/// r(t) = min(1, target / peak). A sub-block whose input cannot exceed the target (the estimator's
/// bound, which covers the detector's own <see cref="TruePeakDetector.OvershootBound"/>, times its
/// largest sample) skips the estimation.</para>
/// <para>Gain envelope: a running minimum of r over W samples, then a release that lets the gain rise
/// with <see cref="LimiterSettings.ReleaseMs"/> (one-pole time constant, linear gain) but fall
/// instantly, then a moving average over R samples (<see cref="RampMs"/>), so the gain ramps down
/// linearly instead of stepping. With the audio delayed by D = R + Support − 2 + Pad and
/// W = D + Pad + 1, every output sample's gain is at most r of every detection window containing it,
/// widened by Pad samples either side: around each peak the output is the input scaled by a gain no
/// larger than the peak needs. (The running minimum is kept per 64-sample sub-block, which only widens
/// it.)</para>
/// <para>Safety margin: the target sits <see cref="SafetyMarginDb"/> below the ceiling for what is not
/// exact: windows whose samples get different gains (inside a ramp or a release) and the remaining
/// differences to other meters' interpolators (ffmpeg's ebur128 resamples to 192 kHz with its own
/// filter). Measured on hot test material (tones, naive square waves, white-noise bursts, clicks at
/// block edges, 44.1 and 48 kHz) ffmpeg then reads at least 0.03 dB under the ceiling. Content near
/// Nyquist is deliberately over-read, so it is limited up to ~0.7 dB more than strictly needed.</para>
/// <para>Disabled: the audio is only delayed, so the latency does not depend on the setting.</para>
/// </remarks>
public sealed class TruePeakLimiter
{
    /// <summary>How far below the ceiling the limiter aims (see remarks).</summary>
    public const double SafetyMarginDb = 0.1;

    /// <summary>Length of the gain ramp into a peak.</summary>
    public const double RampMs = 1.5;

    /// <summary>Extra samples either side of each detection window that the reduced gain must cover.</summary>
    private const int Pad = 8;

    /// <summary>Granularity of the running minimum and of the detection skip.</summary>
    private const int SubBlock = 64;

    /// <summary>A released gain this close to 1 is 1 (and the limiter can go idle again).</summary>
    private const double UnityEpsilon = 1e-7;

    private const int Support = InterSamplePeakEstimator.Support;

    private LimiterSettings _settings = LimiterSettings.Default;
    private int _sampleRate;
    private int _channels;
    private int _ramp;          // R
    private int _blocksInMin;   // completed sub-blocks the running minimum spans
    private float _target;
    private double _releaseCoef;

    // Per channel: [0, latency) the delayed past, then the chunk being processed, then padding the
    // estimator may read.
    private float[][] _line = [];
    private readonly float[] _required = new float[SubBlock];
    private readonly float[] _peaks = new float[SubBlock];
    private readonly float[] _gain = new float[SubBlock];
    private float[] _scratch = [];

    // Envelope state.
    private long _time;
    private float _runMin = 1;          // minimum of r in the current sub-block so far
    private float[] _blockMin = [];     // minima of the last completed sub-blocks (ring)
    private int _blockMinPos;
    private double _released = 1;
    private double[] _ring = [];        // the last R released values
    private int _ringPos;
    private int _unityRun;              // consecutive released values exactly 1

    /// <summary>Frames the output lags the input.</summary>
    public int LatencyFrames { get; private set; }

    /// <summary>The largest gain reduction (dB, ≥ 0) applied in the last processed block.</summary>
    public double LastGainReductionDb { get; private set; }

    public void Prepare(int sampleRate, int channels)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"TruePeakLimiter: sample rate must be positive (got {sampleRate}).");
        if (channels <= 0) throw new ArgumentOutOfRangeException(nameof(channels), $"TruePeakLimiter: channel count must be positive (got {channels}).");
        _sampleRate = sampleRate;
        _channels = channels;
        _ramp = Math.Max(1, (int)Math.Round(RampMs / 1000 * sampleRate));
        LatencyFrames = _ramp + Support - 2 + Pad;
        int minSpan = LatencyFrames + Pad + 1;
        _blocksInMin = (minSpan - 1 + SubBlock - 1) / SubBlock;
        _line = new float[channels][];
        for (int c = 0; c < channels; c++) _line[c] = new float[LatencyFrames + SubBlock + InterSamplePeakEstimator.ReadPastEnd];
        _scratch = new float[InterSamplePeakEstimator.ScratchLength(SubBlock)];
        _blockMin = new float[_blocksInMin];
        _ring = new double[_ramp];
        Update(_settings);
        Reset();
    }

    public void Update(LimiterSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_sampleRate == 0) throw new InvalidOperationException("TruePeakLimiter: call Prepare before Update.");
        _settings = s.Validated();
        _target = (float)Math.Pow(10, (s.CeilingDbtp - SafetyMarginDb) / 20);
        _releaseCoef = 1 - Math.Exp(-1000.0 / (s.ReleaseMs * _sampleRate));
    }

    public void Reset()
    {
        foreach (var l in _line) Array.Clear(l);
        _time = 0;
        _runMin = 1;
        Array.Fill(_blockMin, 1f);
        _blockMinPos = 0;
        _released = 1;
        Array.Fill(_ring, 1.0);
        _ringPos = 0;
        _unityRun = _ramp;
        LastGainReductionDb = 0;
    }

    /// <summary>
    /// Limits the first <paramref name="frames"/> frames in place; the output lags by <see cref="LatencyFrames"/>.
    /// </summary>
    public void Process(AudioBuffer buffer, int frames)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (_sampleRate == 0) throw new InvalidOperationException("TruePeakLimiter: call Prepare before Process.");
        if (buffer.ChannelCount != _channels)
            throw new ArgumentException($"TruePeakLimiter: prepared for {_channels} channel(s), the buffer has {buffer.ChannelCount}.", nameof(buffer));
        if (frames < 0 || frames > buffer.Frames)
            throw new ArgumentOutOfRangeException(nameof(frames), $"TruePeakLimiter: frames must be 0 to {buffer.Frames} (got {frames}).");

        double lowestGain = 1;
        for (int start = 0; start < frames;)
        {
            // Chunks never straddle a sub-block, whatever the caller's block size.
            int n = Math.Min(frames - start, SubBlock - (int)(_time % SubBlock));
            for (int c = 0; c < _channels; c++)
                buffer.Channel(c).Slice(start, n).CopyTo(_line[c].AsSpan(LatencyFrames));

            bool hot = _settings.Enabled && Detect(n);
            if (!_settings.Enabled || (!hot && Idle())) EmitDelayed(buffer, start, n);
            else lowestGain = Math.Min(lowestGain, Limit(buffer, start, n, hot));

            _time += n;
            start += n;
            if (_time % SubBlock == 0) CloseSubBlock();
        }
        LastGainReductionDb = lowestGain < 1 ? -20 * Math.Log10(lowestGain) : 0;
    }

    /// <summary>
    /// Fills <see cref="_required"/> with r(t) for the chunk. Returns false, without estimating, when
    /// the bound shows no estimate in the chunk can exceed the target.
    /// </summary>
    private bool Detect(int n)
    {
        float inputPeak = 0;
        foreach (var line in _line)
            inputPeak = MathF.Max(inputPeak, MathF.Abs(TensorPrimitives.MaxMagnitude(
                line.AsSpan(LatencyFrames - (Support - 1), Support - 1 + n))));
        if (inputPeak * InterSamplePeakEstimator.Bound <= _target) return false;

        // Channels are linked through the larger peak; r = target / max(peak, target) is 1 below the target.
        var peaks = _peaks.AsSpan(0, n);
        var linked = _required.AsSpan(0, n);
        linked.Fill(_target);
        for (int c = 0; c < _channels; c++)
        {
            InterSamplePeakEstimator.Estimate(_line[c].AsSpan(LatencyFrames - (Support - 1)), peaks, _scratch);
            TensorPrimitives.Max(linked, peaks, linked);
        }
        TensorPrimitives.Divide(_target, linked, linked);
        return true;
    }

    /// <summary>True when the gain is exactly 1 and nothing within the running minimum's span can lower it.</summary>
    private bool Idle()
    {
        if (_released != 1 || _unityRun < _ramp || _runMin < 1) return false;
        foreach (float m in _blockMin) if (m < 1) return false;
        return true;
    }

    private void EmitDelayed(AudioBuffer buffer, int start, int n)
    {
        for (int c = 0; c < _channels; c++)
        {
            _line[c].AsSpan(0, n).CopyTo(buffer.Channel(c).Slice(start, n));
            ShiftLine(_line[c], n);
        }
    }

    private void ShiftLine(float[] line, int n) => Array.Copy(line, n, line, 0, LatencyFrames);

    /// <summary>Runs the envelope per sample and applies it to the delayed audio. Returns the lowest gain.</summary>
    private double Limit(AudioBuffer buffer, int start, int n, bool hot)
    {
        float olderMin = 1;
        foreach (float m in _blockMin) olderMin = MathF.Min(olderMin, m);
        var ring = _ring;
        double sum = 0;
        foreach (double v in ring) sum += v; // re-summed per chunk so rounding cannot drift
        double lowest = 1, rise = _releaseCoef, keep = 1 - rise, perRamp = 1.0 / _ramp, released = _released;
        float runMin = _runMin;
        int pos = _ringPos, unityRun = _unityRun, ramp = _ramp;
        for (int i = 0; i < n; i++)
        {
            if (hot) runMin = float.MinNative(runMin, _required[i]);
            double m = float.MinNative(runMin, olderMin);

            // Instant fall, exponential rise towards the running minimum; never above it.
            released = m < released ? m : Math.FusedMultiplyAdd(keep, released, rise * m);
            if (m == 1 && 1 - released < UnityEpsilon) released = 1;

            sum += released - ring[pos];
            ring[pos] = released;
            pos = pos + 1 == ramp ? 0 : pos + 1;
            unityRun = released == 1 ? unityRun + 1 : 0;

            double gain = unityRun >= ramp ? 1 : Math.Min(1, sum * perRamp);
            _gain[i] = (float)gain; // rounds to within 6e-8 of the exact gain; the margin is 1e-2
            lowest = Math.Min(lowest, gain);
        }
        _released = released;
        _runMin = runMin;
        _ringPos = pos;
        _unityRun = unityRun;

        for (int c = 0; c < _channels; c++)
        {
            TensorPrimitives.Multiply(_line[c].AsSpan(0, n), _gain.AsSpan(0, n), buffer.Channel(c).Slice(start, n));
            ShiftLine(_line[c], n);
        }
        return lowest;
    }

    private void CloseSubBlock()
    {
        _blockMin[_blockMinPos] = _runMin;
        _blockMinPos = (_blockMinPos + 1) % _blockMin.Length;
        _runMin = 1;
    }
}
