using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// loudness: the master's integrated loudness against the delivery target the user picked, with its true peak.
/// Within 1 LU is on target (players' own normalisation differs by that much); 1-2 LU off is low, 2-4 LU medium,
/// more is high: a streaming service turns a master 6 LU hot down by 6 dB, and its limiting stays as flattened
/// dynamics, while a master 6 LU quiet sounds weak next to everything else. The fix is the master's own loudness
/// normalisation set to the target, which the render meets to 0.1 LU, with the ceiling at the target's peak limit.
/// </summary>
internal static class LoudnessFindings
{
    public const double ToleranceLu = 1;

    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        var master = context.Measurements.Master;
        var target = context.Target;
        if (!double.IsFinite(master.IntegratedLufs)) yield break;
        double off = master.IntegratedLufs - target.Lufs;
        double amount = Math.Abs(off);
        var severity = amount > 4 ? FindingSeverity.High : amount > 2 ? FindingSeverity.Medium : amount > ToleranceLu ? FindingSeverity.Low : (FindingSeverity?)null;
        if (severity is null) yield break;
        bool hot = off > 0;
        string measurement = string.Format(C, "the master measures {0:0.0} LUFS integrated, {1:0.0} LU {2} the {3} target of {4:0} LUFS; true peak {5:+0.0;-0.0} dBTP (limit {6:0} dBTP)",
            master.IntegratedLufs, amount, hot ? "over" : "under", target.Description, target.Lufs, master.TruePeakDbtp, target.MaxTruePeakDbtp);
        string sentence = string.Format(C, "I set the master's loudness target to {0:0} LUFS, the {1} level, so the render lands there.", target.Lufs, target.Description);
        var proposal = new List<ChangeRequest> { Number(MixTarget.Master, "loudness_target_lufs", target.Lufs, sentence, measurement) };
        var limiter = context.Console.Master.Limiter;
        if (!limiter.Enabled)
            proposal.Add(Flag(MixTarget.Master, "limiter.enabled", true, "I turned the true-peak limiter on so the louder master keeps its peaks under the target's limit.", measurement));
        if (limiter.CeilingDbtp > target.MaxTruePeakDbtp)
            proposal.Add(Number(MixTarget.Master, "limiter.ceiling_dbtp", ConsoleRanges.CeilingDbtp.Clamp(target.MaxTruePeakDbtp),
                string.Format(C, "I set the limiter's ceiling to {0:0} dBTP, the {1} peak limit.", target.MaxTruePeakDbtp, target.Description), measurement));
        string explanation = hot
            ? $"The {target.Description} player will turn this master down by about {amount:0} dB to its {target.Lufs:0} LUFS; what the extra loudness cost in punch stays, so it sounds flatter than quieter masters."
            : $"Next to other {target.Description} material this master sounds about {amount:0} dB weaker; a player that does not turn quiet masters up leaves it that way.";
        yield return new CheckFinding("loudness", severity.Value, [], measurement, explanation, proposal, amount / 2)
        {
            Title = hot ? $"the master is {amount:0.#} LU too loud for {target.Description}" : $"the master is {amount:0.#} LU too quiet for {target.Description}",
        };
    }
}
