using System.Globalization;
using System.Numerics.Tensors;

namespace Mixwright.Dsp.Audio;

/// <summary>
/// Passes a source through, throwing an <see cref="AudioFormatException"/> naming the file and the
/// time of the first NaN or infinite sample. One such sample would otherwise poison every filter
/// state and the whole mix downstream, silently. The check is one vectorised pass per block.
/// </summary>
public sealed class ValidatingAudioSource(IAudioSource inner, string name) : IAudioSource
{
    private long _position;

    public string Name => name;
    public int SampleRate => inner.SampleRate;
    public int ChannelCount => inner.ChannelCount;
    public long LengthFrames => inner.LengthFrames;

    public int Read(AudioBuffer destination, int frames)
    {
        int n = inner.Read(destination, frames);
        if (n == 0) return 0; // IsFiniteAll of an empty span is false
        for (int c = 0; c < destination.ChannelCount; c++)
        {
            if (!TensorPrimitives.IsFiniteAll<float>(destination.Channel(c)[..n]))
                throw InvalidSample(destination, n);
        }
        _position += n;
        return n;
    }

    private AudioFormatException InvalidSample(AudioBuffer block, int frames)
    {
        // Rare path: find the earliest bad frame across channels for the message.
        int firstFrame = int.MaxValue, channel = 0;
        float value = 0;
        for (int c = 0; c < block.ChannelCount; c++)
        {
            ReadOnlySpan<float> samples = block.Channel(c)[..Math.Min(frames, firstFrame)];
            for (int i = 0; i < samples.Length; i++)
            {
                if (float.IsFinite(samples[i])) continue;
                firstFrame = i;
                channel = c;
                value = samples[i];
                break;
            }
        }
        double seconds = (double)(_position + firstFrame) / SampleRate;
        string kind = float.IsNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
        return new AudioFormatException(string.Create(CultureInfo.InvariantCulture,
            $"{name}: invalid sample ({kind}) at {seconds:F3} s in channel {channel + 1}; the file is corrupt or was exported with an error."));
    }

    public void Dispose() => inner.Dispose();
}
