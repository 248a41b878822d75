using Mixwright.Dsp.Analysis;
using Mixwright.Tools.Balance;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// masking: two tracks fighting for the same range at the same time. For each pair and each span of two adjacent
/// third-octave bands (two thirds of an octave: a note and its neighbours, so a 55 Hz fundamental on a band edge
/// is not split in two) the closeness of the two over the song is Σ_t (a+b)·min(a,b)/max(a,b) / Σ_t (a+b) with
/// a, b the tracks' span powers in block t: 1 when they sit on top of each other at equal level all the time, near
/// 0 when one is far louder or they take turns. It is weighted by how much the span is each track's own main
/// range, √(relA·relB) with rel the span's power against the track's strongest span, so two parts sharing their
/// fundamentals clash and a harmonic brushing another part's body does not. Only spans within 10 dB of each
/// track's strongest and within 15 dB of the mix's strongest count, so a kick's faint hiss against a cymbal is no
/// clash. Thresholds are hand-set on planted and clean sessions, lower in the lows: under 200 Hz two parts on the
/// same notes sum into one boom (kick and bass on one fundamental), while in the mids parts of an arrangement share
/// a register all the time and only an exact collision blurs them. Lows: 0.25 is a clash an engineer would carve
/// (medium), 0.35 two parts audibly blurring into one (high); above 200 Hz: 0.4 and 0.6.
/// </summary>
internal static class MaskingFindings
{
    public const double LowMediumScore = 0.25;
    public const double LowHighScore = 0.35;
    public const double MediumScore = 0.4;
    public const double HighScore = 0.6;
    /// <summary>Spans centred below this are judged with the low-end thresholds.</summary>
    public const double LowEndHz = 200;
    private const int FirstBand = 1;     // 31.5 Hz
    private const int LastBand = 25;     // 8 kHz; above it masking matters little and sibilance is its own finding
    private const double OwnWeight = 0.1;
    private const double MixWeight = 0.0316;
    /// <summary>A carve that leaves the cut track this far under the other in the band ends the fight.</summary>
    private const double CarveGapDb = 9;

    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        var tracks = context.Playing;
        var mix = new double[ThirdOctaveBands.Count];
        foreach (var t in tracks)
            for (int b = 0; b < mix.Length; b++) mix[b] += t.BandMeanPower[b];
        double mixMax = mix.Max();
        var found = new List<CheckFinding>();
        for (int i = 0; i < tracks.Count; i++)
            for (int j = i + 1; j < tracks.Count; j++)
            {
                var (band, score) = WorstBand(tracks[i], tracks[j], mix, mixMax);
                if (band < 0) continue;
                bool lows = CentreHz(band) < LowEndHz;
                var severity = FindingSeverities.Grade(score, lows ? LowMediumScore : MediumScore, lows ? LowHighScore : HighScore);
                if (severity is null) continue;
                found.Add(Describe(tracks[i], tracks[j], band, score, severity.Value, context));
            }
        // One finding per track pair already; report each track's worst clashes first.
        return found;
    }

    /// <summary>Power of a track in the two-thirds-octave span starting at third-octave band <paramref name="k"/>, block <paramref name="t"/>.</summary>
    private static double Span(TrackMeasure x, int t, int k) => x.Strip.BandPower[t][k] + x.Strip.BandPower[t][k + 1];

    private static double CentreHz(int k) => Math.Round(Math.Sqrt(ThirdOctaveBands.CentreHz(k) * ThirdOctaveBands.CentreHz(k + 1)));

    private static double MeanSpan(TrackMeasure x, int k) => x.BandMeanPower[k] + x.BandMeanPower[k + 1];

    internal static (int Band, double Score) WorstBand(TrackMeasure a, TrackMeasure b, double[] mix, double mixMax)
    {
        double maxA = Enumerable.Range(0, ThirdOctaveBands.Count - 1).Max(k => MeanSpan(a, k));
        double maxB = Enumerable.Range(0, ThirdOctaveBands.Count - 1).Max(k => MeanSpan(b, k));
        int best = -1;
        double bestScore = 0;
        int blocks = Math.Min(a.Strip.BandPower.Length, b.Strip.BandPower.Length);
        for (int k = FirstBand; k < LastBand; k++)
        {
            double relA = MeanSpan(a, k) / maxA, relB = MeanSpan(b, k) / maxB;
            if (relA < OwnWeight || relB < OwnWeight) continue;
            if (mix[k] + mix[k + 1] < MixWeight * mixMax) continue;
            double weighted = 0, total = 0;
            for (int t = 0; t < blocks; t++)
            {
                double pa = Span(a, t, k), pb = Span(b, t, k);
                double sum = pa + pb;
                if (sum <= 0) continue;
                total += sum;
                weighted += sum * Math.Min(pa, pb) / Math.Max(pa, pb);
            }
            // Closeness in time and level, weighted by how much the span is each track's own main range.
            double score = total > 0 ? weighted / total * Math.Sqrt(relA * relB) : 0;
            if (score > bestScore)
            {
                bestScore = score;
                best = k;
            }
        }
        return (best, bestScore);
    }

    private static CheckFinding Describe(TrackMeasure a, TrackMeasure b, int band, double score, FindingSeverity severity, CheckContext context)
    {
        // The part lower in the balance gives way; between equals, the one that holds the band longer (the sustained one).
        double Rank(TrackMeasure t) => RoleLoudnessTargets.For(t.Stem.Role).RelativeLu;
        int Sustain(TrackMeasure t) => Enumerable.Range(0, t.Strip.BandPower.Length).Count(i => Span(t, i, band) > 0.1 * MeanSpan(t, band));
        var (cut, keep) = Rank(a) < Rank(b) || (Rank(a) == Rank(b) && Sustain(a) >= Sustain(b)) ? (a, b) : (b, a);
        double centre = CentreHz(band);
        double gap = 10 * Math.Log10(MeanSpan(keep, band) / MeanSpan(cut, band));
        double cutDb = Math.Clamp(Math.Round(CarveGapDb - gap), 3, 12);
        string cutName = DisplayText.Clean(cut.Name), keepName = DisplayText.Clean(keep.Name);
        string measurement = string.Format(C,
            "{0} and {1} both put their weight around {2} and sound there at the same time: overlap {3:0.00} (0 none, 1 identical), {4} {5:0.0} dB {6} {7} in that band",
            DisplayText.Clean(a.Name), DisplayText.Clean(b.Name), Hz(centre), score, cutName, Math.Abs(gap), gap >= 0 ? "under" : "over", keepName);
        bool low = centre < LowEndHz;
        string explanation = low
            ? $"Two low parts on the same notes add up to a blurred, boomy low end in which neither the punch of one nor the pitch of the other is clear."
            : $"Two parts in the same range at the same time cover each other: the ear hears one smeared sound, and {keepName} loses its definition.";
        string sentence = string.Format(C, "I cut {0} by {1:0} dB around {2} to make room for {3} there.", cutName, cutDb, Hz(centre), keepName);
        var proposal = Bell(MixTarget.ForTrack(cut.Name), context.Console.Track(cut.Name).Eq, centre, -cutDb, low ? 2 : 1.4, sentence, measurement);
        return new CheckFinding("masking", severity, [a.Name, b.Name], measurement, explanation, proposal, score / (low ? LowMediumScore : MediumScore))
        {
            Title = $"{DisplayText.Clean(a.Name)} and {DisplayText.Clean(b.Name)} mask each other around {Hz(centre)}",
        };
    }
}
