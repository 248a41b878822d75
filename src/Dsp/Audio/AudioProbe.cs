namespace Mixwright.Dsp.Audio;

/// <summary>What ffprobe reports about a file's first audio stream.</summary>
public sealed record AudioProbe(int SampleRate, int ChannelCount, TimeSpan Duration, string Codec);
