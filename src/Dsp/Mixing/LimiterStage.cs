using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// The last stage of a render: loudness-normalisation gain, then the true-peak limiter with its lookahead
/// latency removed, so the file lines up sample for sample with the stems.
/// </summary>
public sealed class LimiterStage
{
    private readonly LimiterSettings _settings;
    private readonly TruePeakLimiter _limiter = new();
    private readonly float _gain;
    private readonly Action<AudioBuffer, int> _sink;
    private readonly AudioBuffer _scratch;
    private int _latencyLeft;

    public LimiterStage(LimiterSettings settings, int sampleRate, double gainDb, int blockFrames, Action<AudioBuffer, int> sink)
    {
        _settings = settings;
        _gain = (float)Math.Pow(10, gainDb / 20);
        _sink = sink;
        _scratch = new AudioBuffer(2, blockFrames, sampleRate);
        if (settings.Enabled)
        {
            _limiter.Prepare(sampleRate, 2);
            _limiter.Update(settings);
            _latencyLeft = _limiter.LatencyFrames;
        }
    }

    public double MaxGainReductionDb { get; private set; }

    /// <summary>Processes <paramref name="block"/> in place and hands the finished frames to the sink.</summary>
    public void Push(AudioBuffer block, int frames)
    {
        if (_gain != 1f)
            for (int c = 0; c < 2; c++)
                TensorPrimitives.Multiply(block.Channel(c)[..frames], _gain, block.Channel(c)[..frames]);
        if (!_settings.Enabled)
        {
            _sink(block, frames);
            return;
        }
        _limiter.Process(block, frames);
        MaxGainReductionDb = Math.Max(MaxGainReductionDb, _limiter.LastGainReductionDb);
        int skip = Math.Min(_latencyLeft, frames);
        _latencyLeft -= skip;
        if (skip == 0)
        {
            _sink(block, frames);
        }
        else if (skip < frames)
        {
            for (int c = 0; c < 2; c++) block.Channel(c)[skip..frames].CopyTo(_scratch.Channel(c));
            _sink(_scratch, frames - skip);
        }
    }

    /// <summary>Feeds silence through the lookahead so the last real frames come out.</summary>
    public void Flush()
    {
        if (!_settings.Enabled) return;
        int remaining = _limiter.LatencyFrames;
        while (remaining > 0)
        {
            int n = Math.Min(remaining, _scratch.Frames);
            _scratch.Clear(_scratch.Frames);
            _limiter.Process(_scratch, n);
            _sink(_scratch, n);
            remaining -= n;
        }
    }
}
