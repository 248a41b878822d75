using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Balance;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// buried / too_loud: each track's loudness in the mix against its role's place in the balance
/// (<see cref="RoleLoudnessTargets"/>, the same table the first balance uses). The mix's own level is taken as
/// the median of every track's distance from its role target, so one track far off (a lead 30 dB under) stands
/// out instead of dragging the reference with it; the lead is also described against the rest of the band.
/// Thresholds are hand-set: 6 LU off is a balance most listeners hear as wrong (medium), 10 LU off hides a part or
/// buries everything else (high).
/// </summary>
internal static class LevelFindings
{
    public const double MediumLu = 6;
    public const double HighLu = 10;

    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        var playing = context.Playing;
        if (playing.Count < 2) yield break;
        var roleCounts = playing.GroupBy(t => t.Stem.Role).ToDictionary(g => g.Key, g => g.Count());
        double Target(TrackMeasure t) => RoleLoudnessTargets.For(t.Stem.Role).RelativeLu - 10 * Math.Log10(roleCounts[t.Stem.Role]);
        var offsets = playing.Select(t => t.IntegratedLufs - Target(t)).Order().ToArray();
        double offset = offsets.Length % 2 == 1 ? offsets[offsets.Length / 2] : (offsets[offsets.Length / 2 - 1] + offsets[offsets.Length / 2]) / 2;

        foreach (var track in playing)
        {
            double deviation = track.IntegratedLufs - Target(track) - offset;
            var severity = FindingSeverities.Grade(Math.Abs(deviation), MediumLu, HighLu);
            if (severity is null) continue;
            bool buried = deviation < 0;
            string name = DisplayText.Clean(track.Name);
            var role = track.Stem.Role;
            var target = RoleLoudnessTargets.For(role);
            string measurement = string.Format(C, "{0} plays at {1:0.0} LUFS in the mix, {2:0.0} LU {3} where its role ({4}) puts it against the other tracks",
                name, track.IntegratedLufs, Math.Abs(deviation), buried ? "under" : "over", role.Words());
            if (role is StemRole.Lead or StemRole.Vocals or StemRole.LeadInstrument)
            {
                double rest = RestLufs(playing, track);
                double expected = target.RelativeLu - 10 * Math.Log10(playing.Where(t => t != track)
                    .Sum(t => Math.Pow(10, Target(t) / 10)));
                measurement += string.Format(C, "; it sits {0:0.0} LU {1} the rest of the band ({2:0.0} LUFS), where a {3} usually sits about {4:0.0} LU {5} it",
                    Math.Abs(track.IntegratedLufs - rest), track.IntegratedLufs < rest ? "under" : "over", rest, role.Words(),
                    Math.Abs(expected), expected < 0 ? "under" : "over");
            }
            double gain = ConsoleRanges.GainDb.Clamp(Math.Round((track.Settings.GainDb - deviation) * 2) / 2);
            string explanation = buried
                ? $"{name} is hard to hear: {target.Reason}, and at this level it disappears behind the other parts."
                : $"{name} covers the other parts: {target.Reason}, and this far over it pushes the rest of the mix into the background.";
            string sentence = string.Format(C, "I set {0} to {1} dB so it sits where its role puts it in the balance ({2} LU from now).", name, Db(gain), Db(gain - track.Settings.GainDb));
            yield return new CheckFinding(buried ? "buried" : "too_loud", severity.Value, [track.Name], measurement, explanation,
                [Number(MixTarget.ForTrack(track.Name), "gain_db", gain, sentence, measurement)], Math.Abs(deviation) / MediumLu)
            {
                Title = buried ? $"{name} is buried" : $"{name} is too loud",
            };
        }
    }

    /// <summary>Integrated loudness of every playing track but one, summed block by block.</summary>
    internal static double RestLufs(IReadOnlyList<TrackMeasure> playing, TrackMeasure except)
    {
        var others = playing.Where(t => t != except).ToList();
        if (others.Count == 0) return double.NegativeInfinity;
        int blocks = others.Max(t => t.BlockEnergy.Length);
        var energy = new double[blocks];
        var frames = new int[blocks];
        foreach (var t in others)
            for (int i = 0; i < t.BlockEnergy.Length; i++)
            {
                energy[i] += t.BlockEnergy[i];
                frames[i] = t.Strip.BlockFrames[i];
            }
        return BlockLoudness.IntegratedLufs(energy, frames, others[0].Strip.SampleRate);
    }
}
