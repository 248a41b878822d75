using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Reads the stems and the reference whole, for a match that first checks whether the reference is a mix of the
/// stems (the alignment can be anywhere in the song, so sections are not enough), when they fit in
/// <see cref="MaxSamples"/> samples together; null when they do not, and the caller falls back to
/// <see cref="SectionLoader"/> (matching the sound only).
/// </summary>
public static class WholeSongLoader
{
    /// <summary>About 600 MB of float samples: eight stereo stems and their mix of six minutes at 48 kHz.</summary>
    public const long MaxSamples = 160_000_000;

    public sealed record WholeSong(IReadOnlyList<StemAudio> Stems, AudioBuffer Reference);

    public static WholeSong? TryLoad(IReadOnlyList<StemFile> stems, string referencePath, string cacheDirectory, long maxSamples = MaxSamples)
    {
        ArgumentNullException.ThrowIfNull(stems);
        long total = 0;
        foreach (string path in stems.Select(s => s.Path).Append(referencePath))
        {
            using var source = AudioFile.Open(path, cacheDirectory);
            total += source.LengthFrames * source.ChannelCount;
            if (total > maxSamples) return null;
        }
        var audio = stems.Select(s => new StemAudio(s.Name, AudioFile.ReadAll(s.Path, null, cacheDirectory), s.Current)).ToArray();
        return new WholeSong(audio, AudioFile.ReadAll(referencePath, null, cacheDirectory));
    }
}
