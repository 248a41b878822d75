using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// One track's chain for the offline render: reads its stem block by block and produces a stereo block
/// for the mix bus; its post-fader send to the reverb is that block times <see cref="SendGain"/>.
/// Order: gain and polarity (and the right channel's own polarity), high-pass and EQ, compressor, pan/width, send.
/// </summary>
public sealed class ChannelStrip : IDisposable
{
    private readonly IAudioSource _source;
    private readonly TrackSettings _settings;
    private readonly ParametricEq _eq = new();
    private readonly Compressor _compressor = new();
    private readonly AudioBuffer _input;
    private readonly AudioBuffer[] _outputs;
    private readonly float _gain;
    private readonly float _sendGain;

    public ChannelStrip(MixTrack track, IAudioSource source, int blockFrames)
    {
        Name = track.Name;
        _source = source;
        _settings = track.Settings;
        if (source.ChannelCount is < 1 or > 2)
            throw new AudioFormatException($"{track.Name}: only mono and stereo stems can be mixed (this one has {source.ChannelCount} channels).");
        _input = new AudioBuffer(source.ChannelCount, blockFrames, source.SampleRate);
        _outputs = [new AudioBuffer(2, blockFrames, source.SampleRate), new AudioBuffer(2, blockFrames, source.SampleRate)];
        _gain = (float)(ConsoleRanges.DbToLinear(_settings.GainDb) * (_settings.InvertPolarity ? -1 : 1));
        _sendGain = (float)ConsoleRanges.DbToLinear(_settings.ReverbSendDb);

        _eq.Prepare(source.SampleRate, source.ChannelCount);
        _eq.Update(_settings.Eq, _settings.HighPass);
        _compressor.Prepare(source.SampleRate, source.ChannelCount);
        _compressor.Update(_settings.Compressor);
    }

    public string Name { get; }

    /// <summary>A listener for passes that need the strip's own signal (check, bounce); null in a plain render.</summary>
    public IStripTap? Tap { get; set; }
    public long LengthFrames => _source.LengthFrames;
    public bool HasSend => _sendGain > 0;

    /// <summary>Linear level of the post-fader send to the reverb (0 when off).</summary>
    public float SendGain => _sendGain;

    /// <summary>
    /// The stereo output written by the last <see cref="Process"/> into <paramref name="slot"/> (0 or 1): two
    /// slots, so the mixer can sum one block while the strip makes the next.
    /// </summary>
    public AudioBuffer Output(int slot) => _outputs[slot];

    /// <summary>Deepest compressor gain reduction seen so far, in dB.</summary>
    public double MaxGainReductionDb { get; private set; }

    /// <summary>
    /// Produces the next <paramref name="frames"/> frames into output <paramref name="slot"/>; past the stem's end
    /// it is fed silence so tails ring out.
    /// </summary>
    public void Process(int frames, int slot)
    {
        int read = _source.Read(_input, frames);
        for (int c = 0; c < _input.ChannelCount; c++) _input.Channel(c)[read..frames].Clear();
        Tap?.Input(_input, frames);

        if (_gain != 1f)
            for (int c = 0; c < _input.ChannelCount; c++)
                TensorPrimitives.Multiply(_input.Channel(c)[..frames], _gain, _input.Channel(c)[..frames]);
        // One channel of a stereo stem recorded (or wired) upside down: flip it back before anything mixes the two.
        if (_settings.InvertRightPolarity && _input.ChannelCount == 2) TensorPrimitives.Negate(_input.Channel(1)[..frames], _input.Channel(1)[..frames]);

        _eq.Process(_input, frames);
        if (_settings.Compressor.Enabled)
        {
            _compressor.Process(_input, frames);
            MaxGainReductionDb = Math.Max(MaxGainReductionDb, _compressor.LastGainReductionDb);
        }

        Panner.Process(_input, _outputs[slot], frames, _settings.Pan, _settings.Width);
        Tap?.Output(_outputs[slot], frames);
    }

    public void Dispose() => _source.Dispose();
}
