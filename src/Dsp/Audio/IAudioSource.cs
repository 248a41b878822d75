namespace Mixwright.Dsp.Audio;

/// <summary>
/// A stream of planar audio read block by block, so a render's memory is bounded by its block size
/// rather than the song's length.
/// </summary>
public interface IAudioSource : IDisposable
{
    int SampleRate { get; }
    int ChannelCount { get; }
    long LengthFrames { get; }

    /// <summary>
    /// Reads up to <paramref name="frames"/> frames into the start of <paramref name="destination"/>
    /// (which has <see cref="ChannelCount"/> channels). Returns the frames read, which is fewer than
    /// asked only at the end of the stream (then 0 on every later call).
    /// </summary>
    int Read(AudioBuffer destination, int frames);
}
