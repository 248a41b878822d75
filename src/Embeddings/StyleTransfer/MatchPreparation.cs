using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>One stem ready to match: its analysed section at the working rate, or marked silent.</summary>
internal sealed record PreparedStem(int Index, StemAudio Source, AudioBuffer Section, double StartSeconds, bool Silent)
{
    public string Name => Source.Name;
}

/// <summary>The stems' and the reference's analysed sections, at <see cref="MatchPreparation.SampleRate"/>.</summary>
internal sealed record PreparedMatch(IReadOnlyList<PreparedStem> Stems, AudioBuffer Reference, double ReferenceStartSeconds, MixFeatures ReferenceFeatures, double ReferenceLufs)
{
    public IReadOnlyList<PreparedStem> Audible { get; } = Stems.Where(s => !s.Silent).ToArray();
    /// <summary>Length of the stems' sections (the reference's may be shorter when the reference is).</summary>
    public int SectionFrames => Stems[0].Section.Frames;
    public double SectionSeconds => (double)SectionFrames / MatchPreparation.SampleRate;
}

/// <summary>
/// Checks a match's input and picks what to analyse: the stems' loudest common section (the same time span
/// for every stem, as the model was trained), the reference's loudest section, both by short-term RMS over
/// 100 ms steps, and which stems are silent.
/// </summary>
internal static class MatchPreparation
{
    public const int MaxStems = 32;
    /// <summary>The working rate of every matcher: the model's (its front end's band layout is in bins of this rate).</summary>
    public const int SampleRate = StyleTransferModel.SampleRate;
    /// <summary>Sections are whole frames of the model's front end.</summary>
    public const int FrameFrames = StyleTransferModel.FrameFrames;
    /// <summary>A stem whose loudest 100 ms is below this RMS (-90 dBFS) is silent.</summary>
    public const double SilentMeanSquare = 1e-9;
    /// <summary>A stem plays in a section when that section is within this much of its own loudest one.</summary>
    public const double ActiveWithinDb = 20;
    private const int HopFrames = SampleRate / 10;

    public static PreparedMatch Prepare(IReadOnlyList<StemAudio> stems, AudioBuffer reference, MatchOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentNullException.ThrowIfNull(reference);
        options.Validated();
        if (stems.Count is < 1 or > MaxStems)
            throw new ArgumentException($"A match needs 1 to {MaxStems} stems (got {stems.Count}).", nameof(stems));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in stems)
        {
            if (s is null || string.IsNullOrWhiteSpace(s.Name)) throw new ArgumentException("Every stem needs a name.", nameof(stems));
            if (!names.Add(s.Name)) throw new ArgumentException($"Two stems are named \"{s.Name}\"; stem names must be unique.", nameof(stems));
            if (s.Audio.ChannelCount > 2)
                throw new ArgumentException($"Stem \"{s.Name}\" has {s.Audio.ChannelCount} channels; stems are mono or stereo.", nameof(stems));
            s.Settings.Validated(s.Name);
        }
        if (reference.ChannelCount > 2)
            throw new ArgumentException($"The reference has {reference.ChannelCount} channels; a reference is mono or stereo.", nameof(reference));

        int sectionFrames = Math.Max(FrameFrames, (int)Math.Round(options.SectionSeconds * SampleRate / FrameFrames) * FrameFrames);
        var audio = stems.Select(s => Resampling.To(s.Audio, SampleRate, options.ScratchDirectory, $"stem \"{s.Name}\"")).ToArray();
        cancellation.ThrowIfCancellationRequested();
        var hops = audio.Select(HopMeanSquares).ToArray();
        var silent = hops.Select(h => h.Length == 0 || h.Max() < SilentMeanSquare).ToArray();

        var refAudio = ToStereo(Resampling.To(reference, SampleRate, options.ScratchDirectory, "the reference"));
        if (refAudio.Frames < FrameFrames)
            throw new ArgumentException($"The reference is too short: it needs at least {FrameFrames} samples at {SampleRate} Hz ({1000.0 * FrameFrames / SampleRate:0} ms).", nameof(reference));
        var refHops = HopMeanSquares(refAudio);
        if (refHops.Length == 0 || refHops.Max() < SilentMeanSquare) throw new ArgumentException("The reference is silent; there is nothing to match.", nameof(reference));
        int refLength = Math.Min(sectionFrames, refAudio.Frames / FrameFrames * FrameFrames);
        int refStart = LoudestStart([refHops], [true], refLength, refAudio.Frames).Start;
        var refSection = SliceZeroPadded(refAudio, refStart, refLength);

        int songFrames = audio.Max(a => a.Frames);
        int stemLength = songFrames >= sectionFrames ? sectionFrames : Math.Max(FrameFrames, songFrames / FrameFrames * FrameFrames);
        var common = LoudestStart(hops, silent.Select(s => !s).ToArray(), stemLength, songFrames);
        var prepared = new PreparedStem[stems.Count];
        for (int i = 0; i < stems.Count; i++)
        {
            int start = common.Start;
            if (!silent[i] && !common.Active[i])
                start = LoudestStart([hops[i]], [true], stemLength, audio[i].Frames).Start;   // plays elsewhere: its own loudest part
            prepared[i] = new PreparedStem(i, stems[i], SliceZeroPadded(audio[i], start, stemLength), (double)start / SampleRate, silent[i]);
        }
        cancellation.ThrowIfCancellationRequested();
        var refReport = Dsp.Analysis.MixAnalyzer.Analyze(refSection);
        return new PreparedMatch(prepared, refSection, (double)refStart / SampleRate, MixFeatures.From(refReport),
            double.IsFinite(refReport.IntegratedLufs) ? refReport.IntegratedLufs : refReport.RmsDbfs);
    }

    /// <summary>Mean square per 100 ms step, channels pooled.</summary>
    internal static double[] HopMeanSquares(AudioBuffer audio)
    {
        int count = (audio.Frames + HopFrames - 1) / HopFrames;
        var result = new double[count];
        for (int h = 0; h < count; h++)
        {
            int start = h * HopFrames, n = Math.Min(HopFrames, audio.Frames - start);
            double sum = 0;
            for (int c = 0; c < audio.ChannelCount; c++)
                foreach (float v in audio.Channel(c).Slice(start, n)) sum += (double)v * v;
            result[h] = sum / (HopFrames * audio.ChannelCount);
        }
        return result;
    }

    /// <summary>
    /// The section start (a multiple of 100 ms) where the most of the given stems play, the loudest such one
    /// when several tie; and which stems play there.
    /// </summary>
    internal static (int Start, bool[] Active) LoudestStart(IReadOnlyList<double[]> hops, bool[] include, int lengthFrames, int totalFrames)
    {
        int window = Math.Max(1, (int)Math.Ceiling((double)lengthFrames / HopFrames));
        int lastStartFrame = Math.Max(0, totalFrames - lengthFrames);
        int positions = lastStartFrame / HopFrames + 1;
        var energies = new double[hops.Count][];
        var best = new double[hops.Count];
        for (int i = 0; i < hops.Count; i++)
        {
            energies[i] = new double[positions];
            if (!include[i]) continue;
            var prefix = new double[hops[i].Length + 1];
            for (int h = 0; h < hops[i].Length; h++) prefix[h + 1] = prefix[h] + hops[i][h];
            for (int p = 0; p < positions; p++)
            {
                int a = Math.Min(p, hops[i].Length), b = Math.Min(p + window, hops[i].Length);
                energies[i][p] = (prefix[b] - prefix[a]) / window;
            }
            best[i] = energies[i].Max();
        }
        double activeShare = Math.Pow(10, -ActiveWithinDb / 10);
        int bestPosition = 0, bestCount = -1;
        double bestEnergy = -1;
        for (int p = 0; p < positions; p++)
        {
            int count = 0;
            double energy = 0;
            for (int i = 0; i < hops.Count; i++)
            {
                if (!include[i]) continue;
                if (energies[i][p] > 0 && energies[i][p] >= best[i] * activeShare) count++;
                energy += energies[i][p];
            }
            if (count > bestCount || (count == bestCount && energy > bestEnergy))
                (bestPosition, bestCount, bestEnergy) = (p, count, energy);
        }
        var active = new bool[hops.Count];
        for (int i = 0; i < hops.Count; i++)
            active[i] = include[i] && energies[i][bestPosition] > 0 && energies[i][bestPosition] >= best[i] * activeShare;
        return (Math.Min(bestPosition * HopFrames, lastStartFrame), active);
    }

    internal static AudioBuffer SliceZeroPadded(AudioBuffer audio, int start, int length)
    {
        var section = new AudioBuffer(audio.ChannelCount, length, audio.SampleRate);
        int n = Math.Clamp(audio.Frames - start, 0, length);
        for (int c = 0; c < audio.ChannelCount; c++) audio.Channel(c).Slice(start, n).CopyTo(section.Channel(c));
        return section;
    }

    internal static AudioBuffer ToStereo(AudioBuffer audio) =>
        audio.ChannelCount == 2 ? audio : new AudioBuffer([audio.ChannelArray(0), (float[])audio.ChannelArray(0).Clone()], audio.SampleRate);
}
