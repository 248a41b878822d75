namespace Mixwright.Dsp.Audio;

/// <summary>
/// Planar float audio: one array per channel, all the same length. Blocks in the render loop are
/// AudioBuffers allocated once and reused, so processors take a frame count rather than assuming
/// the whole buffer is valid.
/// </summary>
public sealed class AudioBuffer
{
    private readonly float[][] _channels;

    public AudioBuffer(int channels, int frames, int sampleRate)
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), "An audio buffer needs at least one channel.");
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _channels = new float[channels][];
        for (int c = 0; c < channels; c++) _channels[c] = new float[frames];
        SampleRate = sampleRate;
    }

    /// <summary>Wraps existing arrays (no copy); all must have the same length.</summary>
    public AudioBuffer(float[][] channels, int sampleRate)
    {
        if (channels.Length < 1) throw new ArgumentException("An audio buffer needs at least one channel.", nameof(channels));
        if (channels.Any(c => c.Length != channels[0].Length))
            throw new ArgumentException("All channels must have the same length.", nameof(channels));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _channels = channels;
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }
    public int ChannelCount => _channels.Length;
    public int Frames => _channels[0].Length;
    public double DurationSeconds => (double)Frames / SampleRate;

    public Span<float> Channel(int channel) => _channels[channel];
    public float[] ChannelArray(int channel) => _channels[channel];

    public void Clear(int frames)
    {
        foreach (var ch in _channels) Array.Clear(ch, 0, frames);
    }

    public AudioBuffer Clone() => new(_channels.Select(c => (float[])c.Clone()).ToArray(), SampleRate);

    /// <summary>Copies frames [start, start+count) into a new buffer.</summary>
    public AudioBuffer Slice(int start, int count)
    {
        var copy = new AudioBuffer(ChannelCount, count, SampleRate);
        for (int c = 0; c < ChannelCount; c++) _channels[c].AsSpan(start, count).CopyTo(copy._channels[c]);
        return copy;
    }
}
