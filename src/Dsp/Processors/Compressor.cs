using System.Numerics;
using System.Runtime.CompilerServices;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// Feed-forward compressor with a soft-knee gain computer and log-domain gain smoothing, after
/// Giannoulis, Massberg and Reiss, "Digital Dynamic Range Compressor Design" (JAES 2012). Channels are
/// linked: one gain, from the loudest channel (Peak) or the mean power of the channels (Rms).
/// </summary>
/// <remarks>
/// <para>Signal path per sample: detector level (dB) → static curve → gain reduction (dB, ≥ 0) →
/// [Peak: hold] → branching one-pole smoother (attack while the reduction rises, release while it
/// falls) → gain = makeup − reduction, applied to every channel.</para>
/// <para>Time constants: attack (release) is the time the smoothed reduction takes to cover 1 − 1/e
/// (63 %) of a step in its target, in dB. For a tone stepping up or down, attack lands on the setting
/// and release within a few percent of it (the hold below is part of it).</para>
/// <para>Peak detector: the instantaneous level of a waveform dips towards zero at every zero crossing,
/// which a plain smoother would follow into under-compression. A peak hold of
/// min(10 ms, 0.4·release) (so it bridges half a period of tones down to 50 Hz) keeps the target at the
/// waveform's peaks; the release smoother's own time constant is shortened by the hold's nominal length
/// so the 63 % point still lands at the release time.</para>
/// <para>Rms detector: mean power over an exponential window with a fixed 10 ms time constant. This
/// averaging comes on top of the attack and release times.</para>
/// </remarks>
public sealed class Compressor
{
    /// <summary>Time constant of the RMS detector's power average.</summary>
    public const double RmsWindowMs = 10;

    /// <summary>Longest peak hold; 10 ms bridges the zero crossings of a 50 Hz tone.</summary>
    private const double MaxHoldMs = 10;

    /// <summary>The hold takes at most this fraction of the release time.</summary>
    private const double HoldShareOfRelease = 0.4;

    /// <summary>
    /// The hold window spans 2 to 3 chunks of this many samples (current partial chunk plus two whole
    /// ones), so on average a level is held 2.5 chunks after its peak.
    /// </summary>
    private const double HoldChunksNominal = 2.5;

    /// <summary>Block-processing granularity for the vectorised stages; keeps the scratch small and fixed.</summary>
    private const int Chunk = 256;

    /// <summary>A reduction this small is silence in the smoother; flushing it avoids denormals.</summary>
    private const double StateFloor = 1e-30;

    private readonly float[] _work = new float[Chunk];
    private readonly float[] _gain = new float[Vector<float>.Count];
    private CompressorSettings _settings = CompressorSettings.Off;
    private int _sampleRate;
    private int _channels;

    // Derived from the settings.
    private float _threshold, _halfKnee, _slope, _kneeCurve, _makeup;
    private double _attackCoef, _releaseCoef, _rmsCoef;
    private int _holdChunk;

    // State.
    private double _reduction; // smoothed gain reduction, dB
    private double _power;     // RMS detector's mean power
    private float _holdRun, _holdPrevious, _holdPreviousTwo;
    private int _holdCountdown;

    /// <summary>The largest gain reduction (dB, ≥ 0, before makeup) in the last processed block.</summary>
    public double LastGainReductionDb { get; private set; }

    public void Prepare(int sampleRate, int channels)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"Compressor: sample rate must be positive (got {sampleRate}).");
        if (channels <= 0) throw new ArgumentOutOfRangeException(nameof(channels), $"Compressor: channel count must be positive (got {channels}).");
        _sampleRate = sampleRate;
        _channels = channels;
        Update(_settings);
        Reset();
    }

    public void Update(CompressorSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_sampleRate == 0) throw new InvalidOperationException("Compressor: call Prepare before Update.");
        _settings = s.Validated("compressor");

        _threshold = (float)s.ThresholdDb;
        _halfKnee = (float)(s.KneeDb / 2);
        _slope = (float)(1 - 1 / s.Ratio);
        _kneeCurve = s.KneeDb > 0 ? (float)((1 - 1 / s.Ratio) / (2 * s.KneeDb)) : 0;
        _makeup = (float)s.MakeupDb;

        double releaseMs = s.ReleaseMs;
        if (s.Detector == DetectorMode.Peak)
        {
            double holdMs = Math.Min(MaxHoldMs, HoldShareOfRelease * s.ReleaseMs);
            _holdChunk = Math.Max(1, (int)Math.Round(holdMs / 1000 * _sampleRate / HoldChunksNominal));
            releaseMs -= HoldChunksNominal * _holdChunk * 1000.0 / _sampleRate;
            _holdCountdown = Math.Clamp(_holdCountdown, 1, _holdChunk);
        }
        _attackCoef = SmoothingCoefficient(s.AttackMs);
        _releaseCoef = SmoothingCoefficient(releaseMs);
        _rmsCoef = SmoothingCoefficient(RmsWindowMs);
    }

    public void Reset()
    {
        _reduction = 0;
        _power = 0;
        _holdRun = _holdPrevious = _holdPreviousTwo = 0;
        _holdCountdown = Math.Max(1, _holdChunk);
        LastGainReductionDb = 0;
    }

    /// <summary>Compresses the first <paramref name="frames"/> frames of every channel in place.</summary>
    public void Process(AudioBuffer buffer, int frames)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (_sampleRate == 0) throw new InvalidOperationException("Compressor: call Prepare before Process.");
        if (buffer.ChannelCount != _channels)
            throw new ArgumentException($"Compressor: prepared for {_channels} channel(s), the buffer has {buffer.ChannelCount}.", nameof(buffer));
        if (frames < 0 || frames > buffer.Frames)
            throw new ArgumentOutOfRangeException(nameof(frames), $"Compressor: frames must be 0 to {buffer.Frames} (got {frames}).");

        if (!_settings.Enabled)
        {
            LastGainReductionDb = 0;
            return;
        }

        float maxReduction = 0;
        for (int start = 0; start < frames; start += Chunk)
        {
            int n = Math.Min(Chunk, frames - start);
            var work = _work.AsSpan(0, n);
            if (_settings.Detector == DetectorMode.Peak)
            {
                PeakReductionTarget(buffer, start, n);
                Smooth(work, hold: true);
            }
            else
            {
                MeanPower(buffer, start, work);
                PowerReductionTarget(n);
                Smooth(work, hold: false);
            }
            maxReduction = MathF.Max(maxReduction, ApplyGain(buffer, start, n));
        }
        if (_reduction < StateFloor) _reduction = 0;
        if (_power < StateFloor) _power = 0;
        LastGainReductionDb = maxReduction;
    }

    /// <summary>
    /// Output level of the gain computer for a steady input level, makeup included: the curve the
    /// compressor settles on. Disabled: the input level.
    /// </summary>
    public static double StaticCurveDb(CompressorSettings s, double inputDb)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!s.Enabled) return inputDb;
        double over = inputDb - s.ThresholdDb, halfKnee = s.KneeDb / 2, slope = 1 - 1 / s.Ratio;
        double reduction;
        if (over <= -halfKnee) reduction = 0;
        else if (over >= halfKnee) reduction = slope * over;
        else reduction = slope * (over + halfKnee) * (over + halfKnee) / (2 * s.KneeDb);
        return inputDb - reduction + s.MakeupDb;
    }

    private double SmoothingCoefficient(double ms) => 1 - Math.Exp(-1000.0 / (ms * _sampleRate));

    /// <summary>
    /// Stereo-linked peak level → dB → target reduction, for frames [start, start+n) into the scratch.
    /// Runs over whole vectors; the scratch is padded to a multiple of the vector width.
    /// </summary>
    private void PeakReductionTarget(AudioBuffer buffer, int start, int n)
    {
        var floor = new Vector<float>(FastMath.SmallestLevel);
        var db = new Vector<float>((float)FastMath.DbPerOctaveAmplitude);
        for (int i = 0; i < n; i += Vector<float>.Count)
        {
            var peak = floor;
            for (int c = 0; c < _channels; c++)
                peak = Vector.MaxNative(peak, Vector.Abs(LoadPadded(buffer.Channel(c), start + i, start + n)));
            Reduction(FastMath.Log2(peak) * db).CopyTo(_work, i);
        }
    }

    /// <summary>Mean power (in the scratch) → dB → target reduction, in place.</summary>
    private void PowerReductionTarget(int n)
    {
        var floor = new Vector<float>(FastMath.SmallestLevel);
        var db = new Vector<float>((float)(FastMath.DbPerOctaveAmplitude / 2));
        for (int i = 0; i < n; i += Vector<float>.Count)
            Reduction(FastMath.Log2(Vector.MaxNative(new Vector<float>(_work, i), floor)) * db).CopyTo(_work, i);
    }

    /// <summary>Reads a vector at <paramref name="i"/>, zero-filling past <paramref name="end"/>.</summary>
    private static Vector<float> LoadPadded(Span<float> channel, int i, int end) =>
        i + Vector<float>.Count <= end ? new Vector<float>(channel[i..]) : LoadTail(channel, i, end);

    private static Vector<float> LoadTail(Span<float> channel, int i, int end)
    {
        Span<float> tail = stackalloc float[Vector<float>.Count];
        tail.Clear();
        channel[i..end].CopyTo(tail);
        return new Vector<float>(tail);
    }

    private void MeanPower(AudioBuffer buffer, int start, Span<float> level)
    {
        // Instantaneous mean power of the channels, then the exponential 10 ms average.
        var first = buffer.Channel(0).Slice(start, level.Length);
        System.Numerics.Tensors.TensorPrimitives.Multiply(first, first, level);
        for (int c = 1; c < _channels; c++)
        {
            var ch = buffer.Channel(c).Slice(start, level.Length);
            System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(ch, ch, level, level);
        }
        double k = _rmsCoef / _channels, keep = 1 - _rmsCoef, power = _power;
        for (int i = 0; i < level.Length; i++)
        {
            power = Math.FusedMultiplyAdd(keep, power, k * level[i]);
            level[i] = (float)power;
        }
        _power = power;
    }

    /// <summary>
    /// Level (dB) → target gain reduction (dB). With u = clamp(over + knee/2, 0, knee), the soft-knee
    /// curve is c·u² + slope·max(over − knee/2, 0): zero below the knee, the quadratic inside, the
    /// straight ratio line above, with no branches (and knee = 0 gives the hard knee).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<float> Reduction(Vector<float> levelDb)
    {
        var over = levelDb - new Vector<float>(_threshold);
        var half = new Vector<float>(_halfKnee);
        var u = Vector.MinNative(Vector.MaxNative(over + half, Vector<float>.Zero), half + half);
        var above = Vector.MaxNative(over - half, Vector<float>.Zero);
        return Vector.FusedMultiplyAdd(new Vector<float>(_kneeCurve) * u, u, new Vector<float>(_slope) * above);
    }

    /// <summary>
    /// Branching smoother, in place over the target reductions: y ← y + k·(x − y) with k the attack
    /// coefficient while x &gt; y, else the release one. Both candidates are computed and the right one
    /// is picked by max (min when release is the faster): each moves towards x, so the faster
    /// coefficient gives the larger candidate exactly when rising and the smaller exactly when falling.
    /// That keeps compares and branches off the recursion. In Peak mode the target first goes through
    /// the hold: the maximum over the current hold chunk and the two before it.
    /// </summary>
    private void Smooth(Span<float> target, bool hold)
    {
        if (_attackCoef >= _releaseCoef) Smooth<FasterIsLarger>(target, hold);
        else Smooth<FasterIsSmaller>(target, hold);
    }

    private void Smooth<TPick>(Span<float> target, bool hold) where TPick : struct, IPick
    {
        double ka = _attackCoef, kr = _releaseCoef, keepA = 1 - ka, keepR = 1 - kr, y = _reduction;
        if (!hold)
        {
            for (int i = 0; i < target.Length; i++)
            {
                double x = target[i];
                y = TPick.Pick(Math.FusedMultiplyAdd(keepA, y, ka * x), Math.FusedMultiplyAdd(keepR, y, kr * x));
                target[i] = (float)y;
            }
            _reduction = y;
            return;
        }

        float run = _holdRun, previous = _holdPrevious, previousTwo = _holdPreviousTwo;
        int countdown = _holdCountdown;
        for (int i = 0; i < target.Length;)
        {
            int end = Math.Min(target.Length, i + countdown);
            countdown -= end - i;
            for (; i < end; i++)
            {
                run = float.MaxNative(run, target[i]);
                double x = float.MaxNative(run, previousTwo);
                y = TPick.Pick(Math.FusedMultiplyAdd(keepA, y, ka * x), Math.FusedMultiplyAdd(keepR, y, kr * x));
                target[i] = (float)y;
            }
            if (countdown == 0)
            {
                previousTwo = float.MaxNative(previous, run);
                previous = run;
                run = 0;
                countdown = _holdChunk;
            }
        }
        _holdRun = run; _holdPrevious = previous; _holdPreviousTwo = previousTwo;
        _holdCountdown = countdown;
        _reduction = y;
    }

    private interface IPick { static abstract double Pick(double a, double b); }
    private struct FasterIsLarger : IPick { public static double Pick(double a, double b) => double.MaxNative(a, b); }
    private struct FasterIsSmaller : IPick { public static double Pick(double a, double b) => double.MinNative(a, b); }

    /// <summary>
    /// Gain = 2^((makeup − reduction) / 6.02) applied to every channel of frames [start, start+n).
    /// Returns the largest reduction among them.
    /// </summary>
    private float ApplyGain(AudioBuffer buffer, int start, int n)
    {
        var makeup = new Vector<float>(_makeup);
        var perDb = new Vector<float>((float)(1 / FastMath.DbPerOctaveAmplitude));
        var max = Vector<float>.Zero;
        float tailMax = 0;
        int whole = n - n % Vector<float>.Count;
        for (int i = 0; i < n; i += Vector<float>.Count)
        {
            var reduction = new Vector<float>(_work, i);
            var gain = FastMath.Exp2((makeup - reduction) * perDb);
            if (i < whole)
            {
                max = Vector.MaxNative(max, reduction);
                for (int c = 0; c < _channels; c++)
                {
                    var audio = buffer.Channel(c).Slice(start + i, Vector<float>.Count);
                    (new Vector<float>(audio) * gain).CopyTo(audio);
                }
            }
            else
            {
                gain.CopyTo(_gain);
                for (int j = 0; i + j < n; j++)
                {
                    tailMax = MathF.Max(tailMax, _work[i + j]);
                    for (int c = 0; c < _channels; c++) buffer.Channel(c)[start + i + j] *= _gain[j];
                }
            }
        }
        return MathF.Max(tailMax, MaxLane(max));
    }

    private static float MaxLane(Vector<float> v)
    {
        float m = v[0];
        for (int i = 1; i < Vector<float>.Count; i++) m = MathF.Max(m, v[i]);
        return m;
    }
}
