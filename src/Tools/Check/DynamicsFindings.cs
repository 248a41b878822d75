using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// dynamics: a voice or bass whose short-term loudness swings so far that it cannot sit at one level in the mix:
/// the words or the low end come and go. Measured as the track's loudness range in the mix (EBU Tech 3342: the
/// spread between the 10th and 95th percentile of 3 s loudness). Which tracks are voices or basses is their role,
/// and the role is measured or confirmed, never read into the finding from a name here. Hand-set thresholds: a
/// spread over 10 LU is a part riding up and down audibly (medium), over 15 LU it drops out of the mix (high).
/// The fix is one more step of compression (<see cref="CompressionSteps"/>), from the level reaching it.
/// </summary>
internal static class DynamicsFindings
{
    public const double MediumLu = 10;
    public const double HighLu = 15;

    private static readonly HashSet<StemRole> SteadyRoles = [StemRole.Lead, StemRole.Vocals, StemRole.BackingVocals, StemRole.Bass];

    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        foreach (var track in context.Playing.Where(t => SteadyRoles.Contains(t.Stem.Role)))
        {
            var severity = FindingSeverities.Grade(track.RangeLu, MediumLu, HighLu);
            if (severity is null) continue;
            string name = DisplayText.Clean(track.Name);
            string measurement = string.Format(C, "{0}'s loudness swings over {1:0.0} LU from its quieter to its louder passages (3-second loudness, 10th to 95th percentile)", name, track.RangeLu);
            var current = track.Settings.Compressor;
            double gain = track.Settings.GainDb;
            double rms = 10 * Math.Log10(Math.Max(1e-12, (track.EnergyLeft + track.EnergyRight) / 2 / Math.Max(1, track.Strip.BlockFrames.Sum(f => (long)f))));
            double peak = 20 * Math.Log10(Math.Max(1e-9, track.Strip.RawPeak)) + gain;
            var next = CompressionSteps.Apply(current, current.Enabled ? 1 : 2, rms, peak);
            string sentence = $"I compressed {name} a step more so its quiet passages stay audible and its loud ones do not jump out.";
            var target = MixTarget.ForTrack(track.Name);
            var proposal = new List<ChangeRequest>();
            if (next.Enabled != current.Enabled) proposal.Add(Flag(target, "compressor.enabled", next.Enabled, sentence, measurement));
            void Add(string field, double from, double to)
            {
                if (from != to) proposal.Add(Number(target, "compressor." + field, to, sentence, measurement));
            }
            Add("threshold_db", current.ThresholdDb, next.ThresholdDb);
            Add("ratio", current.Ratio, next.Ratio);
            Add("attack_ms", current.AttackMs, next.AttackMs);
            Add("release_ms", current.ReleaseMs, next.ReleaseMs);
            yield return new CheckFinding("dynamics", severity.Value, [track.Name], measurement,
                $"A {track.Stem.Role.Words()} that swings this much cannot sit at one level: at any fader setting it is lost in the quiet passages or too loud in the loud ones.",
                proposal, track.RangeLu / MediumLu) { Title = $"{name} swings too far in level" };
        }
    }
}
