using System.Diagnostics;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// The <c>optimize</c> baseline, after Diff-MST's optimisation baseline: searches the console (track gains, pans,
/// EQ band gains and reverb sends, master EQ band gains) to minimise the Diff-MST feature loss between the real
/// engine's render of the stems' sections and the reference's section. Derivative-free coordinate descent from
/// the equal-loudness balance: each parameter is tried a step up and down, kept where the loss falls, and its
/// step halved where neither helps. The master gain is not searched: every render's loss is read as if the
/// master gain had brought its RMS to the reference's, and the master gain is moved there after each sweep.
/// Bounded by <see cref="MatchOptions.OptimizeMaxRenders"/> and <see cref="MatchOptions.OptimizeMaxTime"/>.
/// </summary>
public sealed class OptimizingMixMatcher(MatchOptions? options = null) : IMixMatcher
{
    private readonly MatchOptions _options = (options ?? new MatchOptions()).Validated();

    public MatchOptions Options => _options;

    public MatchMethod Method => MatchMethod.Optimize;

    /// <summary>Renders the last match used (the search's cost).</summary>
    public int LastRenders { get; private set; }

    public MatchResult Match(IReadOnlyList<StemAudio> stems, AudioBuffer reference, CancellationToken cancellation = default) =>
        MatchPipeline.Run(Method, stems, reference, _options, Solve, cancellation);

    private ConsoleProposal Solve(MatchContext context)
    {
        var clock = Stopwatch.StartNew();
        var reference = context.Match.ReferenceFeatures;
        var start = context.Baseline;
        var coordinates = ConsoleCoordinates.For(start, ConsoleCoordinates.Steps.Coarse);
        var x = ConsoleCoordinates.Read(start, coordinates);
        var steps = coordinates.Select(c => c.Step).ToArray();
        double masterGain = start.Master.OutputGainDb;
        int renders = 0;

        (double Loss, double Trim) Evaluate(double[] values)
        {
            renders++;
            return FeatureLoss.Levelled(context.Render(ConsoleCoordinates.Apply(start, coordinates, values, masterGain)), reference);
        }

        bool Spent() => renders >= _options.OptimizeMaxRenders || clock.Elapsed >= _options.OptimizeMaxTime;

        var best = Evaluate(x);
        while (!Spent())
        {
            // Every trial is a render; the one the sweep keeps is the new best (it keeps exactly the trials that beat it).
            double bestLoss = best.Loss;
            bool active = CoordinateDescent.Sweep(coordinates, x, steps, i => (coordinates[i].Min, coordinates[i].Max),
                (i, value) => x[i] = value,
                () =>
                {
                    var trial = Evaluate(x);
                    if (trial.Loss < best.Loss) best = trial;
                    return trial.Loss;
                },
                ref bestLoss,
                () =>
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    return Spent();
                });
            if (!active) break;
            // Move the master gain to where the loss was read, so the limiter sees the level it will see.
            double level = ConsoleRanges.OutputGainDb.Clamp(masterGain + best.Trim);
            if (Math.Abs(level - masterGain) >= 0.05 && !Spent())
            {
                masterGain = level;
                best = Evaluate(x);
            }
        }
        masterGain = ConsoleRanges.OutputGainDb.Clamp(masterGain + best.Trim);
        var result = ConsoleCoordinates.Apply(start, coordinates, x, masterGain);
        LastRenders = renders + (_options.MeasureMatch ? 1 : 0);
        return result with { Baseline = start, Measured = _options.MeasureMatch ? context.Render(result) : null };
    }
}
