using System.Diagnostics;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>What a method gets to work with: the prepared sections, the stems' profiles, the estimator, the
/// equal-loudness baseline and (made on first use) a renderer of the sections through the real engine.</summary>
internal sealed class MatchContext(PreparedMatch match, IReadOnlyList<StemProfile> profiles, MixEstimator estimator,
    ConsoleProposal baseline, MatchOptions options, CancellationToken cancellation) : IDisposable
{
    private SectionRenderer? _renderer;

    public PreparedMatch Match { get; } = match;
    public IReadOnlyList<StemProfile> Profiles { get; } = profiles;
    public MixEstimator Estimator { get; } = estimator;
    public ConsoleProposal Baseline { get; } = baseline;
    public MatchOptions Options { get; } = options;
    public CancellationToken Cancellation { get; } = cancellation;

    public SectionRenderer Renderer => _renderer ??= new SectionRenderer(Match.Audible, Options.ScratchDirectory, Options.Threads);

    public MixFeatures Render(ConsoleProposal console) => Renderer.Render(console.Tracks, console.Master, console.Reverb, Cancellation);

    public void Dispose() => _renderer?.Dispose();
}

/// <summary>
/// The steps every method shares: prepare the sections, profile the stems, solve (the method's own part),
/// measure the matched sections with the engine, explain each move, and give silent stems back unchanged.
/// </summary>
internal static class MatchPipeline
{
    public static MatchResult Run(MatchMethod method, IReadOnlyList<StemAudio> stems, AudioBuffer reference, MatchOptions options,
        Func<MatchContext, ConsoleProposal> solve, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        options.Validated();
        var match = MatchPreparation.Prepare(stems, reference, options, cancellation);
        if (match.Audible.Count == 0)
            return new MatchResult(method, Unchanged(match), MasterSettings.Default, ReverbSettings.Default, [], match.ReferenceFeatures, null,
                match.ReferenceStartSeconds, match.SectionSeconds, clock.Elapsed.TotalSeconds);

        var profiles = match.Audible.Select(s => StemProfile.Measure(s.Name, s.Section)).ToArray();
        var estimator = new MixEstimator(profiles);
        var baseline = EqualLoudness.Balance(match, profiles, estimator);
        using var context = new MatchContext(match, profiles, estimator, baseline, options, cancellation);
        var proposal = solve(context);
        cancellation.ThrowIfCancellationRequested();
        var measured = proposal.Measured ?? (options.MeasureMatch ? context.Render(proposal) : null);
        var drivers = proposal.Drivers ?? DriverAttribution.Explain(match, estimator, proposal.Baseline ?? baseline, proposal, measured);

        var tracks = new List<MatchedTrack>(match.Stems.Count);
        int audible = 0;
        foreach (var s in match.Stems)
            tracks.Add(s.Silent
                ? new MatchedTrack(s.Name, s.Source.Settings, true, s.StartSeconds)
                : new MatchedTrack(s.Name, proposal.Tracks[audible++].Validated(s.Name), false, s.StartSeconds));
        return new MatchResult(method, tracks, proposal.Master.Validated(), proposal.Reverb.Validated(), drivers, match.ReferenceFeatures, measured,
            match.ReferenceStartSeconds, match.SectionSeconds, clock.Elapsed.TotalSeconds);
    }

    private static IReadOnlyList<MatchedTrack> Unchanged(PreparedMatch match) =>
        match.Stems.Select(s => new MatchedTrack(s.Name, s.Source.Settings, true, s.StartSeconds)).ToArray();
}
