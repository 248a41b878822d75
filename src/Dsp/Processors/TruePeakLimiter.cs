using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// Master-bus brick-wall limiter on the true (4x oversampled) peak, with lookahead so the gain is
/// already down when a peak arrives. The audio is delayed by <see cref="LatencyFrames"/>; the renderer
/// drops that many leading frames and flushes the tail with zeros.
/// </summary>
/// <remarks>
/// <para>Per input sample t, each channel's <see cref="TruePeakDetector"/> reports the largest
/// oversampled value of the window of its last 32 samples; the channels are linked by taking the larger.
/// The gain the window needs is r(t) = min(1, target / peak).</para>
/// <para>Gain envelope: a running minimum of r over <c>ramp + 31 + 2·pad</c> samples, then a release
/// that lets the gain rise with <see cref="LimiterSettings.ReleaseMs"/> but fall instantly, then a
/// moving average over <c>ramp</c> samples (1.5 ms), so the gain ramps down linearly instead of
/// stepping. With the audio delayed by <c>ramp − 1 + 31 + pad</c>, every output sample's gain is at most
/// r of every detector window that contains it (plus <c>pad</c> samples either side): a window of the
/// output is then a window of the input scaled by gains no larger than the one that window needed.</para>
/// <para>What is not exact is a window whose samples get different gains (inside a ramp): the
/// interpolation weights those gains unevenly. The target therefore sits
/// <see cref="SafetyMarginDb"/> below the ceiling, which also covers other meters' interpolators (such
/// as ffmpeg's ebur128, which resamples to 192 kHz with its own filter).</para>
/// <para>Disabled: the audio is only delayed, so the latency does not depend on the setting.</para>
/// </remarks>
public sealed class TruePeakLimiter
{
    /// <summary>How far below the ceiling the limiter aims (see remarks).</summary>
    public const double SafetyMarginDb = 0.1;

    /// <summary>Length of the gain ramp into a peak.</summary>
    public const double RampMs = 1.5;

    /// <summary>Extra samples either side of each detector window the reduced gain must cover.</summary>
    private const int Pad = 2;

    /// <summary>A detector window spans this many input samples.</summary>
    private const int Window = TruePeakDetector.TapsPerPhase;

    /// <summary>Samples handled per detection decision: a sub-block whose bound stays under the target skips the interpolation.</summary>
    private const int SubBlock = 16;

    /// <summary>A released gain this close to 1 is 1 (and the limiter is idle again).</summary>
    private const double UnityEpsilon = 1e-7;

    private LimiterSettings _settings = LimiterSettings.Default;
    private int _sampleRate;
    private int _channels;
    private int _ramp;        // R: moving-average length
    private int _minSpan;     // W: running-minimum length
    private double _target;   // linear ceiling with the margin
    private double _releaseCoef;

    private TruePeakDetector[] _detectors = [];
    // Per channel: [0, latency) the delayed past, [latency, latency + SubBlock) the sub-block being processed.
    private float[][] _line = [];
    private readonly float[] _required = new float[SubBlock];
    private readonly double[] _gain = new double[SubBlock];

    // Running minimum: a monotonic queue of (time, value) in a ring.
    private long[] _minTime = [];
    private float[] _minValue = [];
    private int _minHead, _minCount;
    private long _time;

    // Release and moving average.
    private double _released = 1;
    private double[] _ring = [];
    private int _ringPos;
    private int _unityRun;       // consecutive released values exactly 1 (the average is then exactly 1)
    private long _lastLimited;   // time of the last r < 1

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
        LatencyFrames = _ramp - 1 + (Window - 1) + Pad;
        _minSpan = LatencyFrames + Pad + 1;
        _detectors = new TruePeakDetector[channels];
        _line = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            _detectors[c] = new TruePeakDetector();
            _line[c] = new float[LatencyFrames + SubBlock];
        }
        _minTime = new long[_minSpan + 1];
        _minValue = new float[_minSpan + 1];
        _ring = new double[_ramp];
        Update(_settings);
        Reset();
    }

    public void Update(LimiterSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_sampleRate == 0) throw new InvalidOperationException("TruePeakLimiter: call Prepare before Update.");
        _settings = s.Validated();
        _target = Math.Pow(10, (s.CeilingDbtp - SafetyMarginDb) / 20);
        _releaseCoef = 1 - Math.Exp(-1000.0 / (s.ReleaseMs * _sampleRate));
    }

    public void Reset()
    {
        foreach (var d in _detectors) d.Reset();
        foreach (var l in _line) Array.Clear(l);
        _minHead = _minCount = 0;
        _time = 0;
        _released = 1;
        Array.Fill(_ring, 1.0);
        _ringPos = 0;
        _unityRun = _ramp;
        _lastLimited = long.MinValue / 2;
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
        for (int start = 0; start < frames; start += SubBlock)
        {
            int n = Math.Min(SubBlock, frames - start);
            for (int c = 0; c < _channels; c++)
                buffer.Channel(c).Slice(start, n).CopyTo(_line[c].AsSpan(LatencyFrames));

            if (!_settings.Enabled)
            {
                // Keep the detectors' history current (the bound makes this a plain copy) so that
                // enabling later does not start from stale windows.
                for (int c = 0; c < _channels; c++) _detectors[c].Process(_line[c].AsSpan(LatencyFrames, n), float.MaxValue);
                EmitDelayed(buffer, start, n);
            }
            else
            {
                bool hot = Detect(n);
                if (!hot && Idle()) EmitDelayed(buffer, start, n);
                else lowestGain = Math.Min(lowestGain, Limit(buffer, start, n, hot));
            }
            _time += n;
        }
        LastGainReductionDb = lowestGain < 1 ? -20 * Math.Log10(lowestGain) : 0;
    }

    /// <summary>
    /// Feeds the detectors and fills <see cref="_required"/> with r(t). Returns false (and skips the
    /// interpolation) when the detector's bound shows no window of this sub-block can exceed the target.
    /// </summary>
    private bool Detect(int n)
    {
        float target = (float)_target;
        float inputPeak = 0;
        foreach (var line in _line)
            inputPeak = MathF.Max(inputPeak, System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(line.AsSpan(LatencyFrames - Window, Window + n)) is var m ? MathF.Abs(m) : 0);
        if (inputPeak * TruePeakDetector.OvershootBound <= target)
        {
            for (int c = 0; c < _channels; c++) _detectors[c].Process(_line[c].AsSpan(LatencyFrames, n), target);
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            float peak = 0;
            for (int c = 0; c < _channels; c++) peak = MathF.Max(peak, _detectors[c].Next(_line[c][LatencyFrames + i]));
            _required[i] = peak > target ? target / peak : 1f;
        }
        return true;
    }

    /// <summary>True when the gain is exactly 1 and nothing in the running minimum can lower it.</summary>
    private bool Idle() => _unityRun >= _ramp && _released == 1 && _time - _lastLimited >= _minSpan;

    private void EmitDelayed(AudioBuffer buffer, int start, int n)
    {
        for (int c = 0; c < _channels; c++)
        {
            _line[c].AsSpan(0, n).CopyTo(buffer.Channel(c).Slice(start, n));
            ShiftLine(_line[c], n);
        }
        if (_settings.Enabled)
        {
            // Idle: every r in the running minimum's span is 1, which the queue holds as its newest entry alone.
            _minHead = 0;
            _minCount = 1;
            _minTime[0] = _time + n - 1;
            _minValue[0] = 1;
        }
    }

    private void ShiftLine(float[] line, int n) => Array.Copy(line, n, line, 0, LatencyFrames);

    /// <summary>Runs the envelope per sample and applies it to the delayed audio. Returns the lowest gain.</summary>
    private double Limit(AudioBuffer buffer, int start, int n, bool hot)
    {
        double sum = 0;
        foreach (double v in _ring) sum += v; // re-summed per sub-block so rounding cannot drift
        double lowest = 1;
        for (int i = 0; i < n; i++)
        {
            long t = _time + i;
            float r = hot ? _required[i] : 1f;
            if (r < 1) _lastLimited = t;
            double m = PushMinimum(t, r);

            // Instant fall, exponential rise towards the running minimum; never above it.
            _released = m < _released ? m : _released + _releaseCoef * (m - _released);
            if (m == 1 && 1 - _released < UnityEpsilon) _released = 1;

            sum += _released - _ring[_ringPos];
            _ring[_ringPos] = _released;
            _ringPos = _ringPos + 1 == _ramp ? 0 : _ringPos + 1;
            _unityRun = _released == 1 ? _unityRun + 1 : 0;

            double gain = _unityRun >= _ramp ? 1 : Math.Min(1, sum / _ramp);
            _gain[i] = gain;
            lowest = Math.Min(lowest, gain);
        }
        for (int c = 0; c < _channels; c++)
        {
            var line = _line[c];
            var output = buffer.Channel(c).Slice(start, n);
            for (int i = 0; i < n; i++) output[i] = (float)(line[i] * _gain[i]);
            ShiftLine(line, n);
        }
        return lowest;
    }

    /// <summary>Adds r(t) to the running minimum over the last W samples and returns that minimum.</summary>
    private double PushMinimum(long t, float r)
    {
        int cap = _minTime.Length;
        while (_minCount > 0 && _minValue[(_minHead + _minCount - 1) % cap] >= r) _minCount--;
        int tail = (_minHead + _minCount) % cap;
        _minTime[tail] = t;
        _minValue[tail] = r;
        _minCount++;
        while (_minTime[_minHead] <= t - _minSpan) { _minHead = (_minHead + 1) % cap; _minCount--; }
        return _minValue[_minHead];
    }
}
