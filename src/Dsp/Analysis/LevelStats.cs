using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Streaming sample peak, RMS and crest factor, all channels pooled (as in Diff-MST's features).
/// Levels are plain dBFS of the amplitude: a full-scale sine has peak 0 dBFS, RMS -3.01 dBFS and a
/// crest factor of 3.01 dB.
/// </summary>
public sealed class LevelStats
{
    private double _sumOfSquares;
    private long _samples;
    private float _peak;

    public LevelStats(int channels)
    {
        BlockGuard.CheckChannels(channels, 64, nameof(LevelStats));
        Channels = channels;
    }

    public int Channels { get; }

    public void Reset()
    {
        _sumOfSquares = 0;
        _samples = 0;
        _peak = 0;
    }

    public void Add(AudioBuffer block, int frames)
    {
        BlockGuard.Check(block, frames, Channels, null, nameof(LevelStats));
        if (frames == 0) return;
        for (int c = 0; c < Channels; c++)
        {
            ReadOnlySpan<float> x = block.Channel(c)[..frames];
            _peak = MathF.Max(_peak, MathF.Abs(TensorPrimitives.MaxMagnitude(x)));
            double sum = 0;
            foreach (float v in x) sum += (double)v * v;
            _sumOfSquares += sum;
        }
        _samples += (long)frames * Channels;
    }

    public double SamplePeak => _peak;
    public double SamplePeakDbfs => Loudness.AmplitudeDb(_peak);

    /// <summary>Root mean square over every sample of every channel (linear).</summary>
    public double Rms => _samples == 0 ? 0 : Math.Sqrt(_sumOfSquares / _samples);
    public double RmsDbfs => Loudness.AmplitudeDb(Rms);

    /// <summary>Peak over RMS in dB; NaN for silence, where the ratio has no meaning.</summary>
    public double CrestDb => Rms > 0 ? SamplePeakDbfs - RmsDbfs : double.NaN;
}
