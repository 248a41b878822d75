using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Analysis;

/// <summary>The checks every streaming analyser makes on a block before it reads it.</summary>
internal static class BlockGuard
{
    public static void Check(AudioBuffer block, int frames, int channels, int? sampleRate, string analyser)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.ChannelCount != channels)
            throw new ArgumentException(
                $"{analyser} was created for {channels} channel(s) but the block has {block.ChannelCount}.", nameof(block));
        if (sampleRate is int rate && block.SampleRate != rate)
            throw new ArgumentException(
                $"{analyser} was created for {rate} Hz but the block is {block.SampleRate} Hz.", nameof(block));
        if (frames < 0 || frames > block.Frames)
            throw new ArgumentOutOfRangeException(nameof(frames), frames,
                $"{analyser}: frames must be between 0 and the block length {block.Frames}.");
    }

    public static void CheckSampleRate(int sampleRate, string analyser)
    {
        if (sampleRate < 8000 || sampleRate > 768000)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate,
                $"{analyser}: sample rate must be between 8000 and 768000 Hz.");
    }

    public static void CheckChannels(int channels, int max, string analyser)
    {
        if (channels < 1 || channels > max)
            throw new ArgumentOutOfRangeException(nameof(channels), channels,
                max == 1 ? $"{analyser} takes exactly one channel." : $"{analyser} takes 1 to {max} channels.");
    }
}
