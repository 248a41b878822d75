using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// mud, boom, harsh, sibilance, dull: a region of the mix's spectrum built up above, or fallen below, a smooth
/// reference curve.
/// <para>
/// Where the curve comes from: it is the mix's own spectrum, smoothed to a straight line in dB over log frequency
/// (least squares over the third-octave bands from 50 Hz to 10 kHz, refitted twice without the bands more than
/// 3 dB off it, so a build-up does not pull the line towards itself). A straight tilt is what a broadband mix
/// looks like when no region sticks out; judging against the mix's own tilt rather than a house curve keeps a
/// dark folk mix and a bright pop mix each measured against itself. The thresholds (dB above or below the line,
/// averaged over the region) are hand-set: a region 4-5 dB up is a colour an engineer would correct (medium),
/// 7-8 dB up is what listeners call muddy, boomy or harsh without prompting (high). The top octave is allowed
/// to fall well below the line (real instruments and microphones roll off there): only 12 dB under is dull.
/// </para>
/// </summary>
internal static class ToneFindings
{
    private sealed record Region(string Kind, int First, int Last, double Medium, double High, bool Lack, string Words, string Why);

    private static readonly Region[] Regions =
    [
        new("boom", 2, 6, 5, 8, false, "the deep lows (40-100 Hz)", "Too much deep low end makes the mix boom and flap on big speakers and eats the headroom, so the whole mix ends up quieter."),
        new("mud", 8, 12, 4, 7, false, "the low mids (160-400 Hz)", "Build-up in the low mids is what people call muddy: parts lose their outline and the mix sounds thick and cloudy."),
        new("harsh", 19, 23, 4, 7, false, "the upper mids (2-5 kHz)", "The ear is most sensitive around 2-5 kHz; too much there sounds harsh and tiring at any volume."),
        new("sibilance", 24, 26, 5, 8, false, "the 'ess' range (6-10 kHz)", "Too much 6-10 kHz makes every s, t and cymbal hiss and spit."),
        new("dull", 26, 28, 12, 18, true, "the top octave (10-16 kHz)", "Without the top octave the mix sounds dull and distant, as if heard through a wall."),
    ];

    private const int FitFirst = 3;   // 50 Hz
    private const int FitLast = 26;   // 10 kHz
    private const double OutlierDb = 3;

    /// <summary>The reference curve in dB for every band: the robust line through the mix's own spectrum.</summary>
    internal static double[] ReferenceCurve(double[] bandDb)
    {
        var use = Enumerable.Range(FitFirst, FitLast - FitFirst + 1).Where(b => double.IsFinite(bandDb[b])).ToList();
        (double A, double B) line = (0, 0);
        for (int pass = 0; pass < 3 && use.Count >= 3; pass++)
        {
            line = Fit(use, bandDb);
            var fit = line;
            var kept = use.Where(b => Math.Abs(bandDb[b] - (fit.A + fit.B * b)) <= OutlierDb).ToList();
            if (kept.Count < 6) break;
            use = kept;
        }
        return Enumerable.Range(0, bandDb.Length).Select(b => line.A + line.B * b).ToArray();
    }

    private static (double A, double B) Fit(List<int> bands, double[] db)
    {
        double mx = bands.Average(), my = bands.Average(b => db[b]);
        double sxy = bands.Sum(b => (b - mx) * (db[b] - my)), sxx = bands.Sum(b => (b - mx) * (b - mx));
        double slope = sxx > 0 ? sxy / sxx : 0;
        return (my - slope * mx, slope);
    }

    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        double[] mix = context.Measurements.MasterBandDb;
        if (mix.Count(double.IsFinite) < 10 || context.Playing.Count == 0) yield break;
        double[] curve = ReferenceCurve(mix);
        foreach (var region in Regions)
        {
            var bands = Enumerable.Range(region.First, region.Last - region.First + 1).Where(b => double.IsFinite(mix[b])).ToList();
            if (bands.Count == 0) continue;
            double offset = bands.Average(b => mix[b] - curve[b]);
            double amount = region.Lack ? -offset : offset;
            var severity = FindingSeverities.Grade(amount, region.Medium, region.High);
            if (severity is null) continue;
            yield return Describe(region, bands, offset, amount, severity.Value, context);
        }
    }

    private static CheckFinding Describe(Region region, List<int> bands, double offset, double amount, FindingSeverity severity, CheckContext context)
    {
        double centre = Math.Sqrt(ThirdOctaveBands.CentreHz(region.First) * ThirdOctaveBands.CentreHz(region.Last));
        // Who carries the region: each track's share of the region's power in the mix.
        var shares = context.Playing.Select(t => (Track: t, Power: bands.Sum(b => t.BandMeanPower[b]))).OrderByDescending(x => x.Power).ToList();
        double total = shares.Sum(s => s.Power);
        var top = shares[0];
        double share = total > 0 ? top.Power / total : 0;
        string measurement = string.Format(C, "{0} of the mix sit {1:0.0} dB {2} a smooth curve through the mix's own spectrum; {3} carries {4:0}% of that region",
            char.ToUpperInvariant(region.Words[0]) + region.Words[1..], Math.Abs(offset), offset >= 0 ? "above" : "below", DisplayText.Clean(top.Track.Name), 100 * share);

        IReadOnlyList<ChangeRequest> proposal;
        var tracks = new List<string>();
        if (region.Lack)
        {
            // A shelf on the master lifts the whole top octave, whoever lacks it.
            double boost = Math.Clamp(Math.Round(amount - region.Medium + 3), 2, 12);
            string sentence = string.Format(C, "I lifted the master's top octave by {0:0} dB with the high shelf, so the mix opens up.", boost);
            var shelf = context.Console.Master.Eq.Bands[ParametricEqSettings.BandCount - 1];
            proposal =
            [
                Number(MixTarget.Master, ParameterCatalog.EqBand(ParametricEqSettings.BandCount, "freq_hz"), 8000, sentence, measurement),
                Number(MixTarget.Master, ParameterCatalog.EqBand(ParametricEqSettings.BandCount, "gain_db"), Math.Round(ConsoleRanges.EqGainDb.Clamp(shelf.GainDb + boost), 1), sentence, measurement),
            ];
        }
        else
        {
            // Cutting the track that carries the region fixes it at the source; when it alone cannot remove the
            // excess within a 12 dB cut, the master's EQ takes it.
            double wanted = Math.Pow(10, -amount / 10);
            double trackGain = share > 0 ? (wanted - (1 - share)) / share : 0;
            double trackCutDb = trackGain > 0 ? -10 * Math.Log10(trackGain) : double.PositiveInfinity;
            if (trackCutDb <= 12)
            {
                double cut = Math.Clamp(Math.Round(trackCutDb), 2, 12);
                string name = DisplayText.Clean(top.Track.Name);
                string sentence = string.Format(C, "I cut {0} by {1:0} dB around {2}: it carries most of {3}, where the mix has too much.", name, cut, Hz(centre), region.Words);
                proposal = Bell(MixTarget.ForTrack(top.Track.Name), context.Console.Track(top.Track.Name).Eq, centre, -cut, 1.0, sentence, measurement);
                tracks.Add(top.Track.Name);
            }
            else
            {
                double cut = Math.Clamp(Math.Round(amount), 2, 12);
                string sentence = string.Format(C, "I cut the master by {0:0} dB around {1}: several parts build up {2} together.", cut, Hz(centre), region.Words);
                proposal = Bell(MixTarget.Master, context.Console.Master.Eq, centre, -cut, 1.0, sentence, measurement);
                tracks.AddRange(shares.Take(3).Select(s => s.Track.Name));
            }
        }
        return new CheckFinding(region.Kind, severity, tracks, measurement, region.Why, proposal, amount / region.Medium)
        {
            Title = $"the mix is {region.Kind switch { "boom" => "boomy", "mud" => "muddy", "sibilance" => "sibilant", _ => region.Kind }} ({region.Words})",
        };
    }
}
