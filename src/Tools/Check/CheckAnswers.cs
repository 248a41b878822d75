using System.Globalization;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Check;

/// <summary>
/// Plain answers to one question about a check: "what's the loudest track?", "why does it sound muddy?". The
/// answer comes from the measurements: the finding of that kind when there is one, otherwise what was measured.
/// </summary>
public static class CheckAnswers
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Answer(MixCheckReport report, string focus)
    {
        var tracks = report.TracksByLoudness;
        if (focus is "loudest" or "quietest")
        {
            if (tracks.Count == 0) return "Every track is silent.";
            var pick = focus == "loudest" ? tracks[0] : tracks[^1];
            var next = focus == "loudest" ? tracks.Skip(1).Take(2) : tracks.SkipLast(1).TakeLast(2).Reverse();
            string others = string.Join(", ", next.Select(t => string.Format(C, "{0} ({1:0.0} LUFS)", DisplayText.Clean(t.Name), t.IntegratedLufs)));
            return string.Format(C, "The {0} track in the mix is {1} ({2}) at {3:0.0} LUFS as it plays in the mix (after its fader and chain){4}.",
                focus, DisplayText.Clean(pick.Name), pick.Stem.Role.Words(), pick.IntegratedLufs, others.Length == 0 ? "" : $"; then {others}");
        }
        var found = report.Findings.Where(f => f.Kind == focus).ToList();
        if (found.Count > 0)
        {
            var f = found[0];
            string fix = f.Proposal.Count > 0 ? " I can propose a fix: " + f.Proposal[0].Rationale.Sentence : "";
            return $"{char.ToUpperInvariant(f.Measurement[0])}{f.Measurement[1..]}. {f.Explanation}{fix}";
        }
        string others2 = report.Findings.Count == 0 ? "nothing else stands out either" :
            "what does stand out: " + string.Join("; ", report.Findings.Take(3).Select(x => x.Title));
        return $"I don't measure a {focus.Replace('_', ' ')} problem in the mix; {others2}.";
    }
}
