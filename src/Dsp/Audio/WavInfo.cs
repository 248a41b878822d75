namespace Mixwright.Dsp.Audio;

/// <summary>What a WAV file holds, read from its header without touching the audio.</summary>
public sealed record WavInfo(int SampleRate, int ChannelCount, long LengthFrames, WavSampleFormat Format)
{
    public double DurationSeconds => (double)LengthFrames / SampleRate;
}
