using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// phase: a stereo stem, or the whole mix, whose channels cancel when played in mono (a phone, a club's mono PA,
/// a smart speaker). Measured as the correlation of the channels and the mono fold-down loss, the drop in level
/// when (L+R)/2 plays on both speakers: 0 dB for mono, 3 dB for unrelated channels, much more when they oppose.
/// Hand-set thresholds: negative correlation or 5 dB of loss is heard as a hollow, phasey sound (medium), a
/// correlation under -0.5 or 9 dB of loss makes the part vanish in mono (high). A correlation near -1 is one
/// channel wired upside down, fixed by flipping that channel; a merely wide, out-of-phase part is narrowed.
/// </summary>
internal static class PhaseFindings
{
    public const double MediumLossDb = 5;
    public const double HighLossDb = 9;
    private const double FlipCorrelation = -0.5;
    private const double NarrowTargetCorrelation = 0.2;

    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        bool anyStem = false;
        foreach (var track in context.Playing.Where(t => t.Strip.InputChannels == 2))
        {
            double corr = track.Correlation, loss = track.MonoLossDb;
            var severity = corr <= FlipCorrelation || loss >= HighLossDb ? FindingSeverity.High
                : corr < -0.15 || loss >= MediumLossDb ? FindingSeverity.Medium : (FindingSeverity?)null;
            if (severity is null) continue;
            anyStem = true;
            string name = DisplayText.Clean(track.Name);
            string measurement = string.Format(C, "{0}'s left and right channels have a correlation of {1:+0.00;-0.00} (+1 identical, 0 unrelated, -1 opposite); played in mono it drops {2:0.0} dB",
                name, corr, loss);
            IReadOnlyList<ChangeRequest> proposal;
            var target = MixTarget.ForTrack(track.Name);
            if (corr <= FlipCorrelation)
            {
                bool flip = !track.Settings.InvertRightPolarity;
                string sentence = $"I flipped the polarity of {name}'s right channel: the two channels are near mirror images, so one was recorded or wired upside down.";
                proposal = [Flag(target, "invert_right_polarity", flip, sentence, measurement)];
            }
            else
            {
                // Width scales the side signal: corr' = (M - w²S)/(M + w²S), so the width for a target correlation is known.
                double mid = track.EnergyLeft + track.EnergyRight + 2 * track.EnergyCross;
                double side = track.EnergyLeft + track.EnergyRight - 2 * track.EnergyCross;
                double w0 = track.Settings.Width;
                double sideAtUnit = w0 > 0 ? side / (w0 * w0) : side;
                double c = NarrowTargetCorrelation;
                double width = sideAtUnit > 0 ? Math.Sqrt(mid * (1 - c) / (sideAtUnit * (1 + c))) : w0;
                width = Math.Round(ConsoleRanges.Width.Clamp(Math.Min(width, w0)), 2);
                string sentence = string.Format(C, "I narrowed {0} to width {1:0.00} so it holds together in mono.", name, width);
                proposal = [Number(target, "width", width, sentence, measurement)];
            }
            yield return new CheckFinding("phase", severity.Value, [track.Name], measurement,
                $"Parts of {name} cancel out when the mix is played in mono, on a phone or a single speaker: it thins out or disappears.",
                proposal, Math.Max(loss / MediumLossDb, -corr * 2))
            {
                Title = $"{name} cancels in mono",
            };
        }

        if (anyStem) yield break;    // the stems explain the mix's own cancellation
        var master = context.Measurements.Master;
        double mixLoss = 10 * Math.Log10(1 + Math.Max(0, master.StereoWidth));
        var mixSeverity = FindingSeverities.Grade(mixLoss, MediumLossDb, HighLossDb);
        if (mixSeverity is null) yield break;
        string m = string.Format(C, "the mix drops {0:0.0} dB when folded to mono (side energy {1:0.00} of the mid)", mixLoss, master.StereoWidth);
        yield return new CheckFinding("phase", mixSeverity.Value, [], m,
            "Much of the mix lives in the difference between the channels, which cancels in mono: on a phone or one speaker it thins out.",
            [], mixLoss / MediumLossDb) { Title = "the mix cancels in mono" };
    }
}
