using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// What the mix estimator needs to know of one stem's section, measured once by the engine's analysis with the
/// stem placed centred in a stereo bus (a mono stem in both channels): per Bark band the mid and side levels as
/// powers, the broadband mean squares of L, R, L+R and L-R, the sample peak and the integrated loudness.
/// </summary>
internal sealed record StemProfile(
    string Name,
    int Channels,
    double[] MidBandPower,
    double[] SideBandPower,
    double LeftEnergy,
    double RightEnergy,
    double MidEnergy,
    double SideEnergy,
    double Peak,
    double RmsDb,
    double IntegratedLufs)
{
    public static StemProfile Measure(string name, AudioBuffer section)
    {
        var stereo = MatchPreparation.ToStereo(section);
        var report = MixAnalyzer.Analyze(stereo);
        ReadOnlySpan<float> l = stereo.Channel(0), r = stereo.Channel(1);
        double el = 0, er = 0, em = 0, es = 0;
        for (int k = 0; k < l.Length; k++)
        {
            double a = l[k], b = r[k];
            el += a * a;
            er += b * b;
            em += (a + b) * (a + b);
            es += (a - b) * (a - b);
        }
        int n = Math.Max(1, l.Length);
        return new StemProfile(name, section.ChannelCount,
            report.BarkMidDb.Select(DbToPower).ToArray(), report.BarkSideDb.Select(DbToPower).ToArray(),
            el / n, er / n, em / n, es / n, Math.Pow(10, report.SamplePeakDbfs / 20), report.RmsDbfs, report.IntegratedLufs);
    }

    /// <summary>Loudness for the equal-loudness rule; RMS stands in when nothing passes the BS.1770 gates.</summary>
    public double LoudnessForBalance => double.IsFinite(IntegratedLufs) ? IntegratedLufs : RmsDb;

    private static double DbToPower(double db) => Math.Pow(10, db / 10);
}
