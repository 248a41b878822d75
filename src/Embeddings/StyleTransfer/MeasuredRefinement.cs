using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Polishes a console that is already close (the network's prediction) with a few renders of the real engine.
/// Each round renders the console, takes what the engine measured minus what the band-energy
/// <see cref="MixEstimator"/> predicts for the same console (the estimator's error at that point), and searches
/// the console's coordinates on the estimator corrected by that difference, inside a trust region around the
/// rendered console. The search costs microseconds per step; the candidate it finds is rendered and kept only when
/// the measured loss falls, else the trust region halves. This is defect correction (as in space mapping): the
/// estimator points the way, the renders keep it honest, so a handful of renders does what a blind search needs
/// hundreds for. Every loss is read at the reference's level, and the master gain follows (as the optimizer's).
/// Moving an EQ band away from the network's answer has a price (<see cref="MoveCost"/>), so bands move only
/// where that buys a clearly better match; levels, pans and sends move freely.
/// </summary>
internal static class MeasuredRefinement
{
    /// <summary>How far one round may move each kind of value (times the trust radius, which starts at 1).</summary>
    private static readonly ConsoleCoordinates.Steps Reach = new(GainDb: 6, MasterEqDb: 4, Pan: 0.5, EqDb: 6, SendDb: 18);

    /// <summary>Sweeps of one round's search (each costs a few milliseconds; a fixed count keeps matches repeatable).</summary>
    private const int MaxSweeps = 12;

    /// <summary>
    /// Refines <paramref name="start"/> with at most <paramref name="renders"/> renders of the sections (0 or 1
    /// return it unchanged but for the master gain, which the one render sets to the reference's level).
    /// </summary>
    public static ConsoleProposal Refine(MatchContext context, ConsoleProposal start, int renders)
    {
        if (renders < 1) return start;
        var reference = context.Match.ReferenceFeatures;
        var coordinates = ConsoleCoordinates.For(start, ConsoleCoordinates.Steps.Fine);
        var origin = ConsoleCoordinates.Read(start, coordinates);
        var cost = new MoveCost(coordinates, origin);
        var best = Measure(context, start, coordinates, origin, start.Master.OutputGainDb, cost);
        double radius = 1;
        for (int used = 1; used < renders; used++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            // The next render is made at the level the last measurement asked for, so the limiter sees what it will.
            double masterGain = best.LevelledMasterGainDb;
            var console = ConsoleCoordinates.Apply(start, coordinates, best.X, masterGain);
            var defect = Defect.Between(best.Features, context.Estimator.Estimate(best.Console.Tracks, best.Console.Master, best.Console.Reverb));
            var x = Search(context.Estimator, console, coordinates, best.X, defect, reference, radius, cost);
            if (x.SequenceEqual(best.X)) break;
            var trial = Measure(context, start, coordinates, x, masterGain, cost);
            if (trial.Objective < best.Objective) best = trial;
            else radius /= 2;
        }
        return ConsoleCoordinates.Apply(start, coordinates, best.X, best.LevelledMasterGainDb);
    }

    /// <summary>A rendered console: its features, its objective (the levelled loss plus the EQ moves' cost) and the level trim.</summary>
    private sealed record Measurement(double[] X, ConsoleProposal Console, MixFeatures Features, double Objective, double TrimDb)
    {
        public double LevelledMasterGainDb => ConsoleRanges.OutputGainDb.Clamp(Console.Master.OutputGainDb + TrimDb);
    }

    private static Measurement Measure(MatchContext context, ConsoleProposal start, Coordinate[] coordinates, double[] x, double masterGain, MoveCost cost)
    {
        var console = ConsoleCoordinates.Apply(start, coordinates, x, masterGain);
        var features = context.Render(console);
        var (loss, trim) = FeatureLoss.Levelled(features, context.Match.ReferenceFeatures);
        return new Measurement(x, console, features, loss + cost.Of(x), trim);
    }

    /// <summary>
    /// What moving EQ away from the network's answer costs, in loss units per dB: an EQ move has to buy a
    /// clearly better match, so the refinement does not bend every band to chase small spectral differences
    /// between two different sections of music.
    /// </summary>
    private sealed class MoveCost(Coordinate[] coordinates, double[] origin)
    {
        /// <summary>
        /// Measured on the match bench: 0.002 keeps EQ within a dB or two of the network's where 0 bends bands by
        /// 10 dB and more, for a loss 7 % higher (0.230 vs 0.215).
        /// </summary>
        public const double PerEqDb = 0.002;

        public double Of(double[] x)
        {
            double sum = 0;
            for (int i = 0; i < x.Length; i++)
                if (coordinates[i].Knob is Knob.EqGain or Knob.MasterEqGain) sum += Math.Abs(x[i] - origin[i]);
            return PerEqDb * sum;
        }
    }

    /// <summary>
    /// Coordinate descent (<see cref="CoordinateDescent"/>) on the corrected estimate from <paramref name="x0"/>, each
    /// value kept within the trust region around its start.
    /// </summary>
    private static double[] Search(MixEstimator estimator, ConsoleProposal console, Coordinate[] coordinates, double[] x0, Defect defect,
        MixFeatures reference, double radius, MoveCost cost)
    {
        var tracks = console.Tracks.ToArray();
        var master = console.Master;
        var eqPower = tracks.Select(t => estimator.EqPower(t.Eq, t.HighPass)).ToArray();
        var masterEqPower = estimator.EqPower(master.Eq, null);
        var x = (double[])x0.Clone();
        var steps = coordinates.Select(c => c.Step * radius).ToArray();

        double Loss()
        {
            var corrected = defect.Apply(estimator.Estimate(tracks, master, console.Reverb, eqPower, masterEqPower));
            return FeatureLoss.Levelled(corrected, reference).Loss + cost.Of(x);
        }

        void Set(int i, double value)
        {
            var c = coordinates[i];
            x[i] = value;
            ConsoleCoordinates.Set(tracks, ref master, c, value);
            if (c.Knob == Knob.EqGain) eqPower[c.Track] = estimator.EqPower(tracks[c.Track].Eq, tracks[c.Track].HighPass);
            else if (c.Knob == Knob.MasterEqGain) masterEqPower = estimator.EqPower(master.Eq, null);
        }

        (double Lo, double Hi) Bounds(int i)
        {
            var c = coordinates[i];
            double reach = ReachOf(c.Knob) * radius;
            return (Math.Max(c.Min, x0[i] - reach), Math.Min(c.Max, x0[i] + reach));
        }

        double loss = Loss();
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
            if (!CoordinateDescent.Sweep(coordinates, x, steps, Bounds, Set, Loss, ref loss)) break;
        return x;
    }

    private static double ReachOf(Knob knob) => knob switch
    {
        Knob.Gain => Reach.GainDb,
        Knob.MasterEqGain => Reach.MasterEqDb,
        Knob.Pan => Reach.Pan,
        Knob.EqGain => Reach.EqDb,
        _ => Reach.SendDb,
    };

    /// <summary>
    /// What the engine measured minus what the estimator predicted, feature by feature (Bark levels floored). The
    /// crest factor is the exception: the estimator's (stems' peaks summed as powers) too often moves the wrong way
    /// when gains move, so the search holds the measured crest and leaves it to the renders to judge.
    /// </summary>
    private sealed record Defect(double RmsDb, double MeasuredCrestDb, double Width, double Imbalance, double[] BarkMidDb, double[] BarkSideDb)
    {
        public static Defect Between(MixFeatures measured, MixFeatures estimated) => new(
            Finite(measured.RmsDb - estimated.RmsDb),
            measured.CrestDb,
            measured.Width - estimated.Width,
            measured.Imbalance - estimated.Imbalance,
            Difference(measured.BarkMidDb, estimated.BarkMidDb),
            Difference(measured.BarkSideDb, estimated.BarkSideDb));

        public MixFeatures Apply(MixFeatures estimate) => new(
            estimate.RmsDb + RmsDb,
            MeasuredCrestDb,
            Math.Max(0, estimate.Width + Width),
            Math.Clamp(estimate.Imbalance + Imbalance, -1, 1),
            Add(estimate.BarkMidDb, BarkMidDb),
            Add(estimate.BarkSideDb, BarkSideDb));

        private static double Finite(double v) => double.IsFinite(v) ? v : 0;

        private static double[] Difference(double[] a, double[] b) =>
            a.Select((v, k) => FeatureLoss.Floor(v) - FeatureLoss.Floor(b[k])).ToArray();

        private static double[] Add(double[] a, double[] d) => a.Select((v, k) => FeatureLoss.Floor(v) + d[k]).ToArray();
    }
}
