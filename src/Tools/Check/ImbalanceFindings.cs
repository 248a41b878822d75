using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// imbalance: the mix leaning left or right, as the difference in energy between its channels. Hand-set: 1.5 dB is
/// the smallest lean a listener on headphones notices (low), 3 dB pulls the centre image visibly (medium), 6 dB
/// sounds like a speaker is broken (high). The fix pans the tracks that pull hardest back towards the centre, as
/// far as needed, predicted from each track's own left and right energy and the pan law.
/// </summary>
internal static class ImbalanceFindings
{
    private const double TargetLeanDb = 0.75;

    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        var tracks = context.Playing;
        double left = tracks.Sum(t => t.EnergyLeft), right = tracks.Sum(t => t.EnergyRight);
        if (left <= 0 || right <= 0) yield break;
        double lean = 10 * Math.Log10(right / left);
        double amount = Math.Abs(lean);
        var severity = amount >= 6 ? FindingSeverity.High : amount >= 3 ? FindingSeverity.Medium : amount >= 1.5 ? FindingSeverity.Low : (FindingSeverity?)null;
        if (severity is null) yield break;
        string side = lean > 0 ? "right" : "left";
        string measurement = string.Format(C, "the mix's {0} channel carries {1:0.0} dB more energy than the other", side, amount);

        // Greedy: move the strongest pullers towards the centre until the predicted lean is small.
        var energies = tracks.ToDictionary(t => t.Name, t => (t.EnergyLeft, t.EnergyRight));
        var proposal = new List<ChangeRequest>();
        var moved = new List<string>();
        foreach (var t in tracks.OrderByDescending(t => lean > 0 ? t.EnergyRight - t.EnergyLeft : t.EnergyLeft - t.EnergyRight))
        {
            double pull = lean > 0 ? t.EnergyRight - t.EnergyLeft : t.EnergyLeft - t.EnergyRight;
            if (pull <= 0 || t.Settings.Pan == 0) break;
            double? best = null;
            int steps = (int)Math.Ceiling(Math.Abs(t.Settings.Pan) / 0.05);
            for (int k = 1; k <= steps; k++)
            {
                double pan = Math.Round(t.Settings.Pan * (1 - (double)k / steps), 2);
                energies[t.Name] = Predict(t, pan);
                best = pan;
                if (Math.Abs(Lean(energies)) <= TargetLeanDb) break;
            }
            if (best is null || Math.Abs(Lean(energies)) > TargetLeanDb)
            {
                best = 0;
                energies[t.Name] = Predict(t, 0);
            }
            string name = DisplayText.Clean(t.Name);
            proposal.Add(Number(MixTarget.ForTrack(t.Name), "pan", best.Value,
                string.Format(C, "I brought {0} from pan {1:+0.00;-0.00;0} to {2:+0.00;-0.00;0} so the mix stands in the middle again.", name, t.Settings.Pan, best.Value), measurement));
            moved.Add(t.Name);
            if (Math.Abs(Lean(energies)) <= TargetLeanDb) break;
        }
        yield return new CheckFinding("imbalance", severity.Value, moved, measurement,
            $"A mix that leans {side} pulls the voice and the centre of the band off the middle: on headphones it feels lopsided, and in mono nothing is gained by it.",
            proposal, amount / 3) { Title = $"the mix leans {side}" };
    }

    private static double Lean(Dictionary<string, (double Left, double Right)> e) =>
        10 * Math.Log10(e.Values.Sum(x => x.Right) / Math.Max(1e-30, e.Values.Sum(x => x.Left)));

    /// <summary>The track's left and right energy at another pan, from its current energies and the pan law.</summary>
    private static (double, double) Predict(TrackMeasure t, double pan)
    {
        bool mono = t.Strip.InputChannels == 1;
        var (gl, gr) = mono ? Panner.MonoGains(t.Settings.Pan) : Panner.BalanceGains(t.Settings.Pan);
        var (nl, nr) = mono ? Panner.MonoGains(pan) : Panner.BalanceGains(pan);
        double l = gl > 1e-6 ? t.EnergyLeft / (gl * gl) : t.EnergyRight;
        double r = gr > 1e-6 ? t.EnergyRight / (gr * gr) : t.EnergyLeft;
        return (l * nl * nl, r * nr * nr);
    }
}
