using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Streaming true-peak and sample-peak meter over all channels, using the same 4x oversampling
/// <see cref="TruePeakDetector"/> as the limiter so the meter and the limiter agree on "dBTP".
/// </summary>
public sealed class TruePeakMeter
{
    // The detector skips a whole slice when its bound shows nothing in it can beat the running
    // maximum; short slices make that test fine-grained, so quiet stretches between hits are skipped.
    private const int SliceFrames = 512;

    private readonly TruePeakDetector[] _detectors;
    private float _truePeak;
    private float _samplePeak;

    public TruePeakMeter(int channels)
    {
        BlockGuard.CheckChannels(channels, 64, nameof(TruePeakMeter));
        Channels = channels;
        _detectors = new TruePeakDetector[channels];
        for (int c = 0; c < channels; c++) _detectors[c] = new TruePeakDetector();
    }

    public int Channels { get; }

    public void Reset()
    {
        foreach (var d in _detectors) d.Reset();
        _truePeak = _samplePeak = 0;
    }

    public void Add(AudioBuffer block, int frames)
    {
        BlockGuard.Check(block, frames, Channels, null, nameof(TruePeakMeter));
        if (frames == 0) return;
        for (int c = 0; c < Channels; c++)
            _samplePeak = MathF.Max(_samplePeak, MathF.Abs(TensorPrimitives.MaxMagnitude(block.Channel(c)[..frames])));
        // The floor starts at the sample peak (the true peak can never be reported below it) and is
        // shared by all channels (only the overall maximum is reported): the higher the floor, the
        // more slices the detector can skip, without changing the answer.
        float peak = MathF.Max(_truePeak, _samplePeak);
        for (int c = 0; c < Channels; c++)
        {
            ReadOnlySpan<float> x = block.Channel(c)[..frames];
            var detector = _detectors[c];
            for (int i = 0; i < x.Length; i += SliceFrames)
                peak = detector.Process(x.Slice(i, Math.Min(SliceFrames, x.Length - i)), peak);
        }
        _truePeak = peak;
    }

    /// <summary>Largest absolute sample value (linear, 1.0 = full scale).</summary>
    public double SamplePeak => _samplePeak;

    public double SamplePeakDbfs => Loudness.AmplitudeDb(SamplePeak);

    /// <summary>
    /// Largest reconstructed (4x oversampled) magnitude, linear. Never below the sample peak: a
    /// reconstruction passes through its samples, and the detector's interpolator, which lags by
    /// <see cref="TruePeakDetector.LatencySamples"/>, has not yet seen the last few samples.
    /// </summary>
    public double TruePeak => Math.Max(_truePeak, _samplePeak);

    /// <summary>True peak in dBTP; -infinity for silence.</summary>
    public double TruePeakDbtp => Loudness.AmplitudeDb(TruePeak);
}
