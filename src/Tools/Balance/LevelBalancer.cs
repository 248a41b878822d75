using System.Globalization;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Balance;

/// <summary>A proposed first balance: one gain change per track that needs one, and notes on the rest.</summary>
public sealed record BalancePlan(IReadOnlyList<ChangeRequest> Changes, IReadOnlyList<string> Notes, string Anchor, double AnchorLufs);

/// <summary>
/// A first static mix: sets each track's gain so its loudness lands at its role's place relative to the
/// anchor (see <see cref="RoleLoudnessTargets"/>). gain = target − measured integrated loudness of the
/// raw stem. The anchor keeps its current level; everything else is placed around it.
/// </summary>
public static class LevelBalancer
{
    /// <summary>Changes within this of the current gain are not worth proposing.</summary>
    private const double ToleranceDb = 0.1;

    public static BalancePlan Plan(MixSession session, Func<Stem, AnalysisSummary> analyze, string? anchorTrack = null)
    {
        var c = CultureInfo.InvariantCulture;
        var notes = new List<string>();
        var measured = new List<(Stem Stem, double Lufs, double Fader)>();
        foreach (var stem in session.Stems)
        {
            var analysis = analyze(stem);
            if (analysis.IsSilent)
            {
                notes.Add($"{DisplayText.Quote(stem.Name)} is silent (below -70 LUFS), so it was left alone.");
                continue;
            }
            double gain = session.Console.Track(stem.Name).GainDb;
            measured.Add((stem, analysis.IntegratedLufs, analysis.IntegratedLufs + gain));
        }
        if (measured.Count == 0) throw new SessionException("Every track is silent; there is nothing to balance.");

        var roleCounts = measured.GroupBy(m => m.Stem.Role).ToDictionary(g => g.Key, g => g.Count());
        StemRole anchorRole;
        double anchorRoleLevel;
        string anchorName;
        if (!string.IsNullOrWhiteSpace(anchorTrack))
        {
            var stem = session.ResolveTrack(anchorTrack);
            var entry = measured.FirstOrDefault(m => m.Stem.Name == stem.Name);
            if (entry.Stem is null) throw new SessionException($"{DisplayText.Quote(stem.Name)} is silent and cannot anchor the balance.");
            anchorRole = stem.Role;
            // The anchor track keeps its level: its role's group level is its own plus the group share.
            anchorRoleLevel = entry.Fader + GroupShareDb(roleCounts[anchorRole]);
            anchorName = stem.Name;
        }
        else
        {
            anchorRole = RoleLoudnessTargets.AnchorPreference.First(roleCounts.ContainsKey);
            var group = measured.Where(m => m.Stem.Role == anchorRole).ToList();
            anchorRoleLevel = 10 * Math.Log10(group.Sum(m => Math.Pow(10, m.Fader / 10)));
            anchorName = string.Join(" + ", group.Select(m => m.Stem.Name));
        }
        double anchorOffset = RoleLoudnessTargets.For(anchorRole).RelativeLu;
        string anchorWords = $"{anchorRole.Words()} ({DisplayText.Clean(anchorName)})";

        var changes = new List<ChangeRequest>();
        foreach (var (stem, lufs, fader) in measured)
        {
            var target = RoleLoudnessTargets.For(stem.Role);
            double relative = target.RelativeLu - anchorOffset;
            double trackTarget = anchorRoleLevel + relative - GroupShareDb(roleCounts[stem.Role]);
            double wanted = Math.Round(trackTarget - lufs, 1);
            double gain = ConsoleRanges.GainDb.Clamp(wanted);
            double current = session.Console.Track(stem.Name).GainDb;
            string name = DisplayText.Clean(stem.Name);
            if (Math.Abs(gain - current) < ToleranceDb)
            {
                notes.Add($"{DisplayText.Quote(stem.Name)} already sits where its role puts it.");
                continue;
            }
            string group = roleCounts[stem.Role] > 1
                ? string.Format(c, ", less {0:0.#} dB because {1} tracks share the role", GroupShareDb(roleCounts[stem.Role]), roleCounts[stem.Role])
                : "";
            string clamped = gain != wanted ? string.Format(c, " (it would need {0:+0.0;-0.0} dB; the gain range is {1})", wanted, ConsoleRanges.GainDb.Describe()) : "";
            string measurement = string.Format(c,
                "{0} measures {1:0.0} LUFS integrated (raw stem) and enters the mix at {2:0.0} LUFS at its current gain; " +
                "the target is {3:0.0} LUFS, {4} the {5} at {6:0.0} LUFS{7}{8}",
                name, lufs, fader, trackTarget, Relative(relative), anchorWords, anchorRoleLevel, group, clamped);
            string sentence = stem.Role == anchorRole
                ? $"I kept {name} as the anchor of the balance: {target.Reason}."
                : string.Format(c, "I set {0} to {1:+0.0;-0.0} dB so it sits {2} the {3}: {4}.", name, gain, Placement(relative), anchorRole.Words(), target.Reason);
            changes.Add(new ChangeRequest(MixTarget.ForTrack(stem.Name), "gain_db", ParameterValue.Of(gain),
                new Rationale(RationaleSource.Analysis, sentence, null, measurement + ". Role targets are hand-set starting points, not measured from a corpus")));
        }
        return new BalancePlan(changes, notes, anchorName, anchorRoleLevel);
    }

    /// <summary>n equally loud uncorrelated tracks sum 10·log10(n) dB louder than one.</summary>
    private static double GroupShareDb(int count) => 10 * Math.Log10(count);

    private static string Relative(double lu) =>
        lu == 0 ? "level with" : string.Format(CultureInfo.InvariantCulture, "{0:0.#} LU {1}", Math.Abs(lu), lu < 0 ? "below" : "above");

    private static string Placement(double lu) =>
        lu == 0 ? "level with" : string.Format(CultureInfo.InvariantCulture, "about {0:0.#} LU {1}", Math.Abs(lu), lu < 0 ? "under" : "over");
}
