using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// A matcher that first asks whether the reference is a mix of these very stems (a rough mix, the author's own
/// bounce: <see cref="SameRecordingDetector"/>). If it is, the console is solved from the aligned signals
/// (<see cref="StemConsoleFit"/>) and explained by that fit; if not, <see cref="Fallback"/> matches the reference's
/// sound. Either way the result carries the detection (<see cref="MatchResult.Alignment"/>) and its sentence.
/// Give it the whole stems and reference, not just sections: the alignment may be anywhere in the song.
/// </summary>
public sealed class RecordingMixMatcher(IMixMatcher fallback) : IMixMatcher, IDisposable
{
    public IMixMatcher Fallback { get; } = fallback ?? throw new ArgumentNullException(nameof(fallback));

    public MatchMethod Method => Fallback.Method;

    public MatchOptions Options => Fallback.Options;

    /// <summary>How the reference is named in sentences ("your rough mix", a file name).</summary>
    public string ReferenceName { get; set; } = "the reference";

    public MatchResult Match(IReadOnlyList<StemAudio> stems, AudioBuffer reference, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentNullException.ThrowIfNull(reference);
        // Input the detection cannot read goes to the fallback, whose preparation names what is wrong.
        if (stems.Count is < 1 or > MatchPreparation.MaxStems || reference.ChannelCount > 2 || stems.Any(s => s is null || s.Audio.ChannelCount > 2))
            return Fallback.Match(stems, reference, cancellation);
        int rate = reference.SampleRate;
        var audio = stems.Select(s => Resampling.To(s.Audio, rate, Options.ScratchDirectory, $"stem \"{s.Name}\"")).ToArray();
        cancellation.ThrowIfCancellationRequested();
        var alignment = SameRecordingDetector.Detect(audio, reference, ReferenceName);
        if (!alignment.SameRecording && alignment.Confidence >= RecordingAlignment.PossibleConfidence)
        {
            int lag = SampleAlignment.Refine(audio, reference, alignment.LagFrames, Math.Max(1, rate / 50));
            double error = CoherentStemFit.BounceErrorRatio(audio, reference, lag);
            if (error < StemConsoleFit.CoherentErrorRatio)
                alignment = alignment with { SameRecording = true, LagFrames = lag, Confidence = Math.Max(alignment.Confidence, 1 - error) };
        }
        if (!alignment.SameRecording)
        {
            // Another song: its sound per track by the fallback, then the whole's tonal balance on the master.
            var matched = Fallback.Match(stems, reference, cancellation);
            return MasterTone.MasterToneStage.Apply(matched, audio, reference, ReferenceName) with { Alignment = alignment };
        }

        var fit = StemConsoleFit.Solve(stems.Select((s, i) => new StemConsoleFit.Stem(s.Name, audio[i], s.Settings)).ToArray(), reference, alignment);
        cancellation.ThrowIfCancellationRequested();
        var result = MatchPipeline.Run(Method, stems, reference, Options, context => Proposal(context, fit), cancellation);
        return result with { Alignment = alignment, Recording = fit };
    }

    private ConsoleProposal Proposal(MatchContext context, RecordingFit fit)
    {
        var audible = context.Match.Audible;
        var tracks = audible.Select(s => fit.Tracks[s.Index].Settings).ToArray();
        var proposal = new ConsoleProposal(tracks, MasterSettings.Default, ReverbSettings.Default, context.Baseline);
        var drivers = StemFitSentences.Drivers(fit, audible.Select(s => s.Index).ToArray(), audible.Select(s => s.Source.Settings).ToArray(), ReferenceName);
        return proposal with { Drivers = drivers };
    }

    public void Dispose() => (Fallback as IDisposable)?.Dispose();
}
