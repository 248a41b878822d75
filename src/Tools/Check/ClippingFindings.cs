using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Check.ProposalMoves;

namespace Mixwright.Tools.Check;

/// <summary>
/// clipping: a stem with runs of full-scale samples (<see cref="Dsp.Analysis.StripMeter.MinClipRun"/> or more in a row at
/// <see cref="Dsp.Analysis.StripMeter.FullScale"/>: the flat tops a converter or an export leaves), or a master whose true
/// peak goes over its ceiling. A clipped stem cannot be repaired on the console: its proposal is empty and the
/// explanation says to export it again. Hand-set: any clip run is worth knowing (low), a few (3) is audible on
/// exposed parts (medium), 20 or more, or 0.01% of the song, is distortion everyone hears (high).
/// </summary>
internal static class ClippingFindings
{
    public static IEnumerable<CheckFinding> Find(CheckContext context)
    {
        foreach (var track in context.Measurements.Tracks)
        {
            var s = track.Strip;
            if (s.ClipRuns == 0) continue;
            long samples = Math.Max(1, s.BlockFrames.Sum(f => (long)f) * s.InputChannels);
            double fraction = (double)s.ClippedSamples / samples;
            var severity = s.ClipRuns >= 20 || fraction >= 1e-4 ? FindingSeverity.High : s.ClipRuns >= 3 ? FindingSeverity.Medium : FindingSeverity.Low;
            string name = DisplayText.Clean(track.Name);
            string measurement = string.Format(C, "{0}'s file has {1} runs of full-scale samples ({2} samples, {3:0.###}% of it; the longest {4} samples in a row)",
                name, s.ClipRuns, s.ClippedSamples, 100 * fraction, s.LongestClipRun);
            yield return new CheckFinding("clipping", severity, [track.Name], measurement,
                $"{name} was clipped before it reached Mixwright: the tops of its waves are cut flat, which sounds like crackle or fuzz. " +
                "Turning it down does not bring them back; export or record it again with its peaks below 0 dBFS.",
                [], Math.Min(10, s.ClipRuns / 20.0 + fraction * 1e4)) { Title = $"{name} is clipped in its file" };
        }

        var master = context.Measurements.Master;
        var limiter = context.Measurements.MasterSettings.Limiter;
        double ceiling = limiter.Enabled ? limiter.CeilingDbtp : Math.Min(0, context.Target.MaxTruePeakDbtp);
        double over = master.TruePeakDbtp - ceiling;
        // The limiter's own overshoot is a few hundredths of a dB; more than 0.3 dB is a real overload.
        if (!(over > 0.3)) yield break;
        var mSeverity = master.TruePeakDbtp > 0 ? FindingSeverity.High : FindingSeverity.Medium;
        string mm = string.Format(C, "the master peaks at {0:+0.0;-0.0} dBTP, {1:0.0} dB over its {2:0.0} dBTP ceiling{3}",
            master.TruePeakDbtp, over, ceiling, limiter.Enabled ? "" : " (the limiter is off)");
        IReadOnlyList<ChangeRequest> proposal = limiter.Enabled
            ? [Number(MixTarget.Master, "output_gain_db", Math.Round(context.Measurements.MasterSettings.OutputGainDb - over - 0.5, 1), $"I lowered the master output by {over + 0.5:0.0} dB so its peaks stay under the ceiling.", mm)]
            : [Flag(MixTarget.Master, "limiter.enabled", true, "I turned the master's true-peak limiter on so no peak goes over the ceiling.", mm)];
        yield return new CheckFinding("clipping", mSeverity, [], mm,
            "Peaks over full scale distort when the file is played or converted to MP3/AAC, a crackle on the loudest hits.",
            proposal, over) { Title = "the master clips" };
    }
}
