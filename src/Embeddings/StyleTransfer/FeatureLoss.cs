namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Diff-MST's audio-feature loss with the weights the model was trained with (training/features.py LOSS_SCALE):
/// each feature's L1 error divided by its scale, averaged over the six features. Bark levels are compared above
/// <see cref="DbFloor"/> (a silent side channel reads -160 dB and would otherwise dominate).
/// </summary>
public static class FeatureLoss
{
    public const double RmsScaleDb = 3.0;
    public const double CrestScaleDb = 3.0;
    public const double WidthScale = 0.1;
    public const double ImbalanceScale = 0.1;
    public const double BarkMidScaleDb = 3.0;
    public const double BarkSideScaleDb = 6.0;
    public const double DbFloor = -100.0;
    public const int FeatureCount = 6;

    public static double Scale(DriverFeature feature) => feature switch
    {
        DriverFeature.Rms => RmsScaleDb,
        DriverFeature.Crest => CrestScaleDb,
        DriverFeature.Width => WidthScale,
        DriverFeature.Imbalance => ImbalanceScale,
        DriverFeature.BarkMid => BarkMidScaleDb,
        DriverFeature.BarkSide => BarkSideScaleDb,
        _ => throw new ArgumentException($"{feature} is not part of the feature loss.", nameof(feature)),
    };

    /// <summary>Mean absolute difference of two Bark spectra in dB, each floored at <see cref="DbFloor"/>.</summary>
    public static double BarkError(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"Bark spectra differ in length ({a.Count} vs {b.Count}).");
        double sum = 0;
        for (int i = 0; i < a.Count; i++) sum += Math.Abs(Floor(a[i]) - Floor(b[i]));
        return sum / a.Count;
    }

    public static double Floor(double db) => double.IsNaN(db) ? DbFloor : Math.Max(db, DbFloor);

    public static double Loss(MixFeatures mix, MixFeatures reference) => FeatureErrors.Between(mix, reference).Loss;

    /// <summary>
    /// The loss with the mix's level set aside: read as if brought to the reference's RMS (as a master gain would),
    /// and the trim in dB that takes it there (0 for silence).
    /// </summary>
    public static (double Loss, double TrimDb) Levelled(MixFeatures mix, MixFeatures reference)
    {
        double trim = double.IsFinite(mix.RmsDb) ? reference.RmsDb - mix.RmsDb : 0;
        return (Loss(mix.Louder(trim), reference), trim);
    }
}

/// <summary>The per-feature absolute errors between a mix and a reference (Bark: mean over bands, in dB).</summary>
public sealed record FeatureErrors(double RmsDb, double CrestDb, double Width, double Imbalance, double BarkMidDb, double BarkSideDb)
{
    public static FeatureErrors Between(MixFeatures mix, MixFeatures reference)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentNullException.ThrowIfNull(reference);
        return new FeatureErrors(
            Math.Abs(FeatureLoss.Floor(mix.RmsDb) - FeatureLoss.Floor(reference.RmsDb)),
            // Silence has no crest factor (NaN); count it as no error rather than poisoning the sum.
            double.IsNaN(mix.CrestDb) || double.IsNaN(reference.CrestDb) ? 0 : Math.Abs(mix.CrestDb - reference.CrestDb),
            Math.Abs(mix.Width - reference.Width),
            Math.Abs(mix.Imbalance - reference.Imbalance),
            FeatureLoss.BarkError(mix.BarkMidDb, reference.BarkMidDb),
            FeatureLoss.BarkError(mix.BarkSideDb, reference.BarkSideDb));
    }

    /// <summary>The scalar Diff-MST loss: each error over its scale, averaged.</summary>
    public double Loss =>
        (RmsDb / FeatureLoss.RmsScaleDb + CrestDb / FeatureLoss.CrestScaleDb + Width / FeatureLoss.WidthScale +
         Imbalance / FeatureLoss.ImbalanceScale + BarkMidDb / FeatureLoss.BarkMidScaleDb + BarkSideDb / FeatureLoss.BarkSideScaleDb)
        / FeatureLoss.FeatureCount;

    /// <summary>Averages of several songs' errors, for a table.</summary>
    public static FeatureErrors Mean(IReadOnlyCollection<FeatureErrors> errors)
    {
        if (errors.Count == 0) throw new ArgumentException("No errors to average.", nameof(errors));
        return new FeatureErrors(errors.Average(e => e.RmsDb), errors.Average(e => e.CrestDb), errors.Average(e => e.Width),
            errors.Average(e => e.Imbalance), errors.Average(e => e.BarkMidDb), errors.Average(e => e.BarkSideDb));
    }
}
