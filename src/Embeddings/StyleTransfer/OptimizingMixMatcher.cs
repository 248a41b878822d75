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
    private const double EqSearchDb = 12;
    private const double SendMinDb = -60;
    private const double SendMaxDb = 0;

    private readonly MatchOptions _options = (options ?? new MatchOptions()).Validated();

    public MatchMethod Method => MatchMethod.Optimize;

    /// <summary>Renders the last match used (the search's cost).</summary>
    public int LastRenders { get; private set; }

    public MatchResult Match(IReadOnlyList<StemAudio> stems, AudioBuffer reference, CancellationToken cancellation = default) =>
        MatchPipeline.Run(Method, stems, reference, _options, Solve, cancellation);

    private enum Knob { Gain, Pan, EqGain, Send, MasterEqGain }

    private sealed record Coordinate(Knob Knob, int Track, int Band, double Min, double Max, double Step, double MinStep);

    private ConsoleProposal Solve(MatchContext context)
    {
        var clock = Stopwatch.StartNew();
        var reference = context.Match.ReferenceFeatures;
        var start = context.Baseline;
        var coordinates = Coordinates(start).ToArray();
        var x = coordinates.Select(c => Read(start, c)).ToArray();
        var steps = coordinates.Select(c => c.Step).ToArray();
        double masterGain = start.Master.OutputGainDb;
        int renders = 0;

        (double Loss, double Trim, MixFeatures Features) Evaluate(double[] values)
        {
            renders++;
            var features = context.Render(Apply(start, coordinates, values, masterGain));
            double trim = double.IsFinite(features.RmsDb) ? reference.RmsDb - features.RmsDb : 0;
            return (FeatureLoss.Loss(features.Louder(trim), reference), trim, features);
        }

        bool Spent() => renders >= _options.OptimizeMaxRenders || clock.Elapsed >= _options.OptimizeMaxTime;

        var best = Evaluate(x);
        while (!Spent())
        {
            bool active = false;
            for (int i = 0; i < coordinates.Length && !Spent(); i++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var c = coordinates[i];
                if (steps[i] < c.MinStep) continue;
                active = true;
                bool moved = false;
                foreach (int sign in new[] { 1, -1 })
                {
                    double value = Math.Clamp(x[i] + sign * steps[i], c.Min, c.Max);
                    if (value == x[i] || Spent()) continue;
                    double old = x[i];
                    x[i] = value;
                    var trial = Evaluate(x);
                    if (trial.Loss < best.Loss)
                    {
                        best = trial;
                        moved = true;
                        break;
                    }
                    x[i] = old;
                }
                if (!moved) steps[i] /= 2;
            }
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
        var result = Apply(start, coordinates, x, masterGain);
        LastRenders = renders + (_options.MeasureMatch ? 1 : 0);
        return result with { Baseline = start, Measured = _options.MeasureMatch ? context.Render(result) : null };
    }

    private static IEnumerable<Coordinate> Coordinates(ConsoleProposal start)
    {
        int tracks = start.Tracks.Count;
        // Coarse levers first: gains and the master's tone, then pans, track EQ, sends.
        for (int t = 0; t < tracks; t++)
        {
            double g = start.Tracks[t].GainDb;
            yield return new Coordinate(Knob.Gain, t, -1, Math.Max(ConsoleRanges.GainDb.Min, g - 24), Math.Min(ConsoleRanges.GainDb.Max, g + 24), 3, 0.25);
        }
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
            yield return new Coordinate(Knob.MasterEqGain, -1, b, -EqSearchDb, EqSearchDb, 2, 0.25);
        for (int t = 0; t < tracks; t++)
            yield return new Coordinate(Knob.Pan, t, -1, ConsoleRanges.Pan.Min, ConsoleRanges.Pan.Max, 0.5, 0.05);
        for (int t = 0; t < tracks; t++)
            for (int b = 0; b < ParametricEqSettings.BandCount; b++)
                yield return new Coordinate(Knob.EqGain, t, b, -EqSearchDb, EqSearchDb, 3, 0.5);
        for (int t = 0; t < tracks; t++)
            yield return new Coordinate(Knob.Send, t, -1, SendMinDb, SendMaxDb, 15, 1.5);
    }

    private static double Read(ConsoleProposal p, Coordinate c) => c.Knob switch
    {
        Knob.Gain => p.Tracks[c.Track].GainDb,
        Knob.Pan => p.Tracks[c.Track].Pan,
        Knob.EqGain => p.Tracks[c.Track].Eq.Bands[c.Band].GainDb,
        Knob.Send => Math.Clamp(p.Tracks[c.Track].ReverbSendDb, SendMinDb, SendMaxDb),
        _ => p.Master.Eq.Bands[c.Band].GainDb,
    };

    /// <summary>The console with every coordinate's value; a send at the bottom of its search range is off.</summary>
    private static ConsoleProposal Apply(ConsoleProposal start, Coordinate[] coordinates, double[] x, double masterGain)
    {
        var tracks = start.Tracks.ToArray();
        var master = start.Master with { OutputGainDb = masterGain };
        for (int i = 0; i < coordinates.Length; i++)
        {
            var c = coordinates[i];
            switch (c.Knob)
            {
                case Knob.Gain: tracks[c.Track] = tracks[c.Track] with { GainDb = x[i] }; break;
                case Knob.Pan: tracks[c.Track] = tracks[c.Track] with { Pan = x[i] }; break;
                case Knob.Send: tracks[c.Track] = tracks[c.Track] with { ReverbSendDb = x[i] <= SendMinDb ? ConsoleRanges.OffDb : x[i] }; break;
                case Knob.EqGain:
                    var eq = tracks[c.Track].Eq;
                    tracks[c.Track] = tracks[c.Track] with { Eq = eq.WithBand(c.Band, eq.Bands[c.Band] with { GainDb = x[i] }) };
                    break;
                default:
                    master = master with { Eq = master.Eq.WithBand(c.Band, master.Eq.Bands[c.Band] with { GainDb = x[i] }) };
                    break;
            }
        }
        return start with { Tracks = tracks, Master = master };
    }
}
