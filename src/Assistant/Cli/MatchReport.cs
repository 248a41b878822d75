using System.Globalization;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Embeddings.StyleTransfer.Recording;
using Mixwright.Embeddings.StyleTransfer.Scope;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// The readable half of `mixwright match`'s report, under the console table: whether the reference is a mix of the
/// stems (and how well the fit explains it, per band), what part of the match was taken, and the audible changes
/// strongest first, each with its reason (<see cref="MatchDigest"/>); --all lists every one.
/// </summary>
internal static class MatchReport
{
    public const int ChangesShown = 12;

    public static string Describe(MatchResult result, MatchScope scope, MatchDigest digest, bool all)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        if (result.Alignment is { } a) lines.Add(a.Message);
        if (result.Recording is { } fit)
        {
            var worst = Enumerable.Range(0, fit.BandResidualDb.Count).OrderByDescending(b => fit.BandResidualDb[b]).Take(3)
                .Select(b => string.Create(inv, $"{Hz(RecordingFit.BandLowHz(b))}-{Hz(RecordingFit.BandHighHz(b))} {fit.BandResidualDb[b]:0.0} dB"));
            lines.Add(string.Create(inv, $"Fit residual {fit.ResidualDb:0.0} dB over {fit.OverlapSeconds:0.0} s ({fit.ResidualBeforeEqDb:0.0} dB with levels and pans only); largest in {string.Join(", ", worst)}."));
            foreach (var t in fit.Tracks.Where(t => t.Presence != StemPresence.Present))
                lines.Add(t.Presence == StemPresence.Absent
                    ? $"{t.Name} is not in {fit.Alignment.ReferenceName}: it is switched off."
                    : $"{t.Name} is silent where {fit.Alignment.ReferenceName} overlaps the stems: its strip is kept.");
        }
        if (!scope.IsFull) lines.Add($"Matched {scope.Describe()}; everything else stays as it was.");
        lines.Add(digest.Count == 0 ? "Why: nothing audible changes." : "Why:");
        lines.AddRange(digest.Lines(all ? int.MaxValue : ChangesShown));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Hz(double hz) => hz >= 1000
        ? (hz / 1000).ToString(hz >= 10000 ? "0" : "0.#", CultureInfo.InvariantCulture) + " kHz"
        : hz.ToString("0", CultureInfo.InvariantCulture) + " Hz";
}
