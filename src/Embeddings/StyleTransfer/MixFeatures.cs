using Mixwright.Dsp.Analysis;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Diff-MST's audio features of a stereo mix, as the engine measures them (<see cref="MixAnalyzer"/>): RMS and
/// crest factor in dB, stereo width and imbalance, and the 24-band Bark spectra of mid and side in dB.
/// </summary>
public sealed record MixFeatures(double RmsDb, double CrestDb, double Width, double Imbalance, double[] BarkMidDb, double[] BarkSideDb)
{
    public static MixFeatures From(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MixFeatures(report.RmsDbfs, report.CrestDb, report.StereoWidth, report.StereoImbalance,
            (double[])report.BarkMidDb.Clone(), (double[])report.BarkSideDb.Clone());
    }

    public static MixFeatures Measure(Dsp.Audio.AudioBuffer stereo) => From(MixAnalyzer.Analyze(stereo));

    /// <summary>The same mix made <paramref name="db"/> louder: levels move, ratios do not.</summary>
    public MixFeatures Louder(double db) => this with
    {
        RmsDb = RmsDb + db,
        BarkMidDb = BarkMidDb.Select(v => v + db).ToArray(),
        BarkSideDb = BarkSideDb.Select(v => v + db).ToArray(),
    };

    public double Get(DriverFeature feature) => feature switch
    {
        DriverFeature.Rms => RmsDb,
        DriverFeature.Crest => CrestDb,
        DriverFeature.Width => Width,
        DriverFeature.Imbalance => Imbalance,
        _ => throw new ArgumentException($"{feature} is not a scalar feature.", nameof(feature)),
    };
}
