namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Says which feature of the reference drove each move of a matched console. For every move that differs from
/// the baseline, the mix without that move is estimated (the engine's measurement of the matched mix plus the
/// <see cref="MixEstimator"/>'s estimate of what undoing the move changes); the move's driver is the feature
/// the move brings closest to the reference, in units of the loss's scales (for the spectra: the mean over the
/// region the sentence names, so a move local in frequency is not diluted by the 24 bands), among the features
/// such a move is made for
/// (<see cref="Candidates"/>: an EQ band answers the spectrum, a pan the width and balance, a compressor the
/// crest factor...): RMS, crest factor, width, imbalance, or the mid or side level in the frequency region where
/// the move closes the most of the Bark-spectrum gap.
/// </summary>
internal static class DriverAttribution
{
    /// <summary>Bark bands whose gain is at least this share of the best band's join its region.</summary>
    private const double RegionShare = 0.3;

    /// <summary>
    /// A move whose features change by less than this much loss (about 1 dB in one Bark band) makes no audible
    /// difference to the mix, and is said to.
    /// </summary>
    internal const double NegligibleChange = 0.002;

    public static IReadOnlyList<ParameterDriver> Explain(
        PreparedMatch match, MixEstimator estimator, ConsoleProposal baseline, ConsoleProposal final, MixFeatures? measured)
    {
        var reference = match.ReferenceFeatures;
        var estimated = estimator.Estimate(final.Tracks, final.Master, final.Reverb);
        var actual = measured ?? estimated;
        var names = match.Audible.Select(s => s.Name).ToArray();
        var drivers = new List<ParameterDriver>();
        foreach (var move in ConsoleMove.All(final.Tracks.Count))
        {
            if (!move.Differs(baseline, final)) continue;
            var without = move.Revert(final, baseline);
            var delta = Difference(estimator.Estimate(without.Tracks, without.Master, without.Reverb), estimated);
            var before = Add(actual, delta);
            var driver = Strongest(reference, before, actual, estimator.BandCentresHz, Candidates(move, final));
            string target = move.OnMaster ? ParameterDriver.MasterTarget : names[move.Track];
            bool negligible = TotalChange(before, actual) < NegligibleChange;
            string sentence = DriverSentences.Sentence(driver, move, target, baseline, final, negligible);
            foreach (var (parameter, value) in move.Parameters(final))
                drivers.Add(new ParameterDriver(target, parameter, value, driver.Feature, driver.Reference, driver.Mix,
                    driver.LowHz, driver.HighHz, driver.Contribution, sentence));
        }
        return drivers;
    }

    /// <summary>
    /// A candidate driver: the feature, the reference's and the unmoved mix's values (region means for spectra),
    /// the share of the Diff-MST loss the move removes, how far the move brings the feature as stated toward the
    /// reference (scale units), and how far it moves it at all (scale units).
    /// </summary>
    internal sealed record Candidate(DriverFeature Feature, double Reference, double Mix, double? LowHz, double? HighHz,
        double Contribution, double Salience, double Change);

    /// <summary>The features a move of this kind is made to answer.</summary>
    internal static IReadOnlyList<DriverFeature> Candidates(ConsoleMove move, ConsoleProposal final) => move.Kind switch
    {
        MoveKind.Gain => Math.Abs(final.Tracks[move.Track].Pan) >= 0.1
            ? [DriverFeature.BarkMid, DriverFeature.BarkSide, DriverFeature.Crest, DriverFeature.Width, DriverFeature.Imbalance]
            : [DriverFeature.BarkMid, DriverFeature.BarkSide, DriverFeature.Crest, DriverFeature.Width],
        MoveKind.Pan => [DriverFeature.Width, DriverFeature.Imbalance, DriverFeature.BarkSide],
        MoveKind.EqBand or MoveKind.MasterEqBand => [DriverFeature.BarkMid, DriverFeature.BarkSide],
        MoveKind.Compressor => [DriverFeature.Crest, DriverFeature.BarkMid],
        MoveKind.Send => [DriverFeature.Width, DriverFeature.BarkSide, DriverFeature.Crest],
        MoveKind.MasterCompressor => [DriverFeature.Crest, DriverFeature.Rms],
        _ => [DriverFeature.Rms],
    };

    internal static Candidate Strongest(MixFeatures reference, MixFeatures before, MixFeatures after, IReadOnlyList<double> centresHz,
        IReadOnlyList<DriverFeature> features)
    {
        var candidates = new List<Candidate>();
        foreach (var f in features.Where(f => f is not (DriverFeature.BarkMid or DriverFeature.BarkSide)))
        {
            double r = reference.Get(f), b = before.Get(f), a = after.Get(f);
            if (!double.IsFinite(r) || !double.IsFinite(b) || !double.IsFinite(a)) continue;
            double scale = FeatureLoss.Scale(f);
            double closer = (Math.Abs(b - r) - Math.Abs(a - r)) / scale;
            candidates.Add(new Candidate(f, r, b, null, null, closer / FeatureLoss.FeatureCount, closer, Math.Abs(a - b) / scale));
        }
        if (features.Contains(DriverFeature.BarkMid))
            candidates.Add(BarkRegion(DriverFeature.BarkMid, reference.BarkMidDb, before.BarkMidDb, after.BarkMidDb, centresHz));
        if (features.Contains(DriverFeature.BarkSide))
            candidates.Add(BarkRegion(DriverFeature.BarkSide, reference.BarkSideDb, before.BarkSideDb, after.BarkSideDb, centresHz));
        var helped = candidates.Where(c => c.Salience > 1e-5).ToArray();
        // A move that (by the estimate) helps no feature is named by the feature it changes most.
        return helped.Length > 0 ? helped.MaxBy(c => c.Salience)! : candidates.MaxBy(c => c.Change)!;
    }

    private static Candidate BarkRegion(DriverFeature feature, double[] reference, double[] before, double[] after, IReadOnlyList<double> centresHz)
    {
        double scale = FeatureLoss.Scale(feature);
        int bands = reference.Length;
        var closer = new double[bands];
        var change = new double[bands];
        for (int k = 0; k < bands; k++)
        {
            double r = FeatureLoss.Floor(reference[k]), b = FeatureLoss.Floor(before[k]), a = FeatureLoss.Floor(after[k]);
            closer[k] = (Math.Abs(b - r) - Math.Abs(a - r)) / scale;
            change[k] = Math.Abs(a - b) / scale;
        }
        var score = closer.Max() > 0 ? closer : change;
        int best = Array.IndexOf(score, score.Max());
        int lo = best, hi = best;
        while (lo > 0 && score[lo - 1] >= RegionShare * score[best]) lo--;
        while (hi < bands - 1 && score[hi + 1] >= RegionShare * score[best]) hi++;
        double refMean = 0, mixMean = 0, regionCloser = 0;
        for (int k = lo; k <= hi; k++)
        {
            refMean += FeatureLoss.Floor(reference[k]);
            mixMean += FeatureLoss.Floor(before[k]);
            regionCloser += closer[k];
        }
        int n = hi - lo + 1;
        return new Candidate(feature, refMean / n, mixMean / n, centresHz[lo], centresHz[hi],
            closer.Sum() / bands / FeatureLoss.FeatureCount, regionCloser / n, change.Sum() / bands);
    }

    /// <summary>How far two mixes' features lie apart, in loss units (the loss's terms without the absolute values' reference).</summary>
    internal static double TotalChange(MixFeatures a, MixFeatures b) =>
        (Math.Abs(a.RmsDb - b.RmsDb) / FeatureLoss.RmsScaleDb +
         (double.IsFinite(a.CrestDb) && double.IsFinite(b.CrestDb) ? Math.Abs(a.CrestDb - b.CrestDb) / FeatureLoss.CrestScaleDb : 0) +
         Math.Abs(a.Width - b.Width) / FeatureLoss.WidthScale + Math.Abs(a.Imbalance - b.Imbalance) / FeatureLoss.ImbalanceScale +
         FeatureLoss.BarkError(a.BarkMidDb, b.BarkMidDb) / FeatureLoss.BarkMidScaleDb +
         FeatureLoss.BarkError(a.BarkSideDb, b.BarkSideDb) / FeatureLoss.BarkSideScaleDb) / FeatureLoss.FeatureCount;

    private static MixFeatures Difference(MixFeatures a, MixFeatures b) => new(
        a.RmsDb - b.RmsDb, a.CrestDb - b.CrestDb, a.Width - b.Width, a.Imbalance - b.Imbalance,
        a.BarkMidDb.Zip(b.BarkMidDb, (x, y) => x - y).ToArray(), a.BarkSideDb.Zip(b.BarkSideDb, (x, y) => x - y).ToArray());

    private static MixFeatures Add(MixFeatures a, MixFeatures delta) => new(
        a.RmsDb + delta.RmsDb, a.CrestDb + delta.CrestDb, Math.Max(0, a.Width + delta.Width), Math.Clamp(a.Imbalance + delta.Imbalance, -1, 1),
        a.BarkMidDb.Zip(delta.BarkMidDb, (x, y) => x + y).ToArray(), a.BarkSideDb.Zip(delta.BarkSideDb, (x, y) => x + y).ToArray());
}
