using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>The master chain before the limiter: EQ, glue compressor, output gain.</summary>
public sealed class MasterBus
{
    private readonly MasterSettings _settings;
    private readonly ParametricEq _eq = new();
    private readonly Compressor _compressor = new();
    private readonly float _outputGain;

    public MasterBus(MasterSettings settings, int sampleRate)
    {
        _settings = settings;
        _eq.Prepare(sampleRate, 2);
        _eq.Update(settings.Eq);
        _compressor.Prepare(sampleRate, 2);
        _compressor.Update(settings.Compressor);
        _outputGain = (float)ConsoleRanges.DbToLinear(settings.OutputGainDb);
    }

    public double MaxGainReductionDb { get; private set; }

    public void Process(AudioBuffer mix, int frames)
    {
        _eq.Process(mix, frames);
        if (_settings.Compressor.Enabled)
        {
            _compressor.Process(mix, frames);
            MaxGainReductionDb = Math.Max(MaxGainReductionDb, _compressor.LastGainReductionDb);
        }
        if (_outputGain != 1f)
            for (int c = 0; c < mix.ChannelCount; c++)
                TensorPrimitives.Multiply(mix.Channel(c)[..frames], _outputGain, mix.Channel(c)[..frames]);
    }
}
