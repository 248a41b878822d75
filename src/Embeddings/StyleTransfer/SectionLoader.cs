using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>A stem file to match, with the strip it sits on now.</summary>
public sealed record StemFile(string Name, string Path, TrackSettings? Current = null);

/// <summary>What was read of one file: the section a match analyses, and where in the file it starts.</summary>
public sealed record LoadedSection(StemAudio Stem, double OffsetSeconds);

/// <summary>
/// Reads from files only what a match analyses, so memory does not grow with song length or track count: one
/// streaming pass measures each file's level every 100 ms, the sections are chosen exactly as
/// <see cref="IMixMatcher"/> chooses them from whole buffers (the stems' loudest common section, a stem that plays
/// only elsewhere at its own loudest part, the reference at its loudest), and a second pass reads just those
/// sections (plus a little margin). Any format and rate the engine reads.
/// </summary>
public static class SectionLoader
{
    private const double MarginSeconds = 0.2;

    public static IReadOnlyList<LoadedSection> LoadStems(IReadOnlyList<StemFile> stems, MatchOptions options, string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(stems);
        options.Validated();
        if (stems.Count is < 1 or > MatchPreparation.MaxStems)
            throw new ArgumentException($"A match needs 1 to {MatchPreparation.MaxStems} stems (got {stems.Count}).", nameof(stems));
        var scans = stems.Select(s => Scan(s.Path, cacheDirectory)).ToArray();
        var silent = scans.Select(s => s.Hops.Length == 0 || s.Hops.Max() < MatchPreparation.SilentMeanSquare).ToArray();
        int length = SectionFrames(options);
        int song = scans.Max(s => s.Frames);
        var common = MatchPreparation.LoudestStart(scans.Select(s => s.Hops).ToArray(), silent.Select(x => !x).ToArray(), length, song);
        var result = new LoadedSection[stems.Count];
        for (int i = 0; i < stems.Count; i++)
        {
            int start = common.Start;
            if (!silent[i] && !common.Active[i]) start = MatchPreparation.LoudestStart([scans[i].Hops], [true], length, scans[i].Frames).Start;
            double offset = (double)start / MatchPreparation.SampleRate;
            result[i] = new LoadedSection(new StemAudio(stems[i].Name, Read(stems[i].Path, cacheDirectory, offset, options.SectionSeconds + MarginSeconds), stems[i].Current), offset);
        }
        return result;
    }

    public static LoadedSection LoadReference(string path, MatchOptions options, string cacheDirectory)
    {
        options.Validated();
        var scan = Scan(path, cacheDirectory);
        int start = MatchPreparation.LoudestStart([scan.Hops], [true], SectionFrames(options), scan.Frames).Start;
        double offset = (double)start / MatchPreparation.SampleRate;
        return new LoadedSection(new StemAudio(System.IO.Path.GetFileNameWithoutExtension(path), Read(path, cacheDirectory, offset, options.SectionSeconds + MarginSeconds)), offset);
    }

    private static int SectionFrames(MatchOptions options) =>
        Math.Max(MatchPreparation.FrameFrames, (int)Math.Round(options.SectionSeconds * MatchPreparation.SampleRate / MatchPreparation.FrameFrames) * MatchPreparation.FrameFrames);

    /// <summary>Mean square per 100 ms (channels pooled) and the length in frames of the working rate.</summary>
    private static (double[] Hops, int Frames) Scan(string path, string cacheDirectory)
    {
        using var source = AudioFile.Open(path, cacheDirectory, AudioFile.MaxStemChannels);
        int hop = Math.Max(1, source.SampleRate / 10);
        var hops = new List<double>();
        var block = new AudioBuffer(source.ChannelCount, hop, source.SampleRate);
        int n;
        while ((n = source.Read(block, hop)) > 0)   // a source reads short only at its end
        {
            double sum = 0;
            for (int c = 0; c < source.ChannelCount; c++)
                foreach (float v in block.Channel(c)[..n]) sum += (double)v * v;
            hops.Add(sum / ((double)hop * source.ChannelCount));
        }
        long frames = source.LengthFrames * MatchPreparation.SampleRate / source.SampleRate;
        return (hops.ToArray(), (int)Math.Min(int.MaxValue, frames));
    }

    private static AudioBuffer Read(string path, string cacheDirectory, double offsetSeconds, double seconds)
    {
        using var source = AudioFile.Open(path, cacheDirectory);
        long skip = (long)(offsetSeconds * source.SampleRate);
        var scratch = new AudioBuffer(source.ChannelCount, 65536, source.SampleRate);
        while (skip > 0)
        {
            int n = source.Read(scratch, (int)Math.Min(skip, scratch.Frames));
            if (n == 0) break;
            skip -= n;
        }
        int want = (int)Math.Ceiling(seconds * source.SampleRate);
        var section = new AudioBuffer(source.ChannelCount, want, source.SampleRate);
        int got = source.Read(section, want);
        return got == want ? section : section.Slice(0, Math.Max(got, 1));
    }
}
