using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;
using Mixwright.Embeddings.Text;
using static Mixwright.Assistant.Agent.Parsing.Steps.ItemNavigation;

namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>
/// Each quality the clause names (a descriptor, level, reverb, compression, decay) becomes an intent with a
/// direction. The direction comes from the nearest marker ("more", "less", "too", "not enough"); without
/// one, a stated quality is a complaint ("the kick is boomy": less boom) and a requested one is wanted
/// ("make it boomy"); a stated good quality is praise ("the vocal is warm").
/// </summary>
internal sealed class QualityPolarityReader(IntensityLexicon intensities) : IClauseStep
{
    private double DefaultIntensity => intensities.DefaultIntensity;

    public void Apply(ClauseReading reading)
    {
        var clause = reading.Clause;
        var inherited = reading.Inherited;
        bool spread = reading.Spread;
        var items = clause.Items;
        var qualityIndices = Enumerable.Range(0, items.Count).Where(k => items[k].Kind == ItemKind.Quality).ToList();
        bool hasEq = clause.Intents.Any(i => i is EqIntent);
        bool explicitComp = clause.Intents.Any(i => i is CompressionIntent c && c.HasExplicitSettings);
        bool pan = clause.Intents.Any(i => i is PanIntent or PanSpreadIntent);
        ClauseMode lastMode = ClauseMode.None;

        for (int n = 0; n < qualityIndices.Count; n++)
        {
            int k = qualityIndices[n];
            var q = items[k].Quality!;
            int prevQ = n > 0 ? qualityIndices[n - 1] : -1;
            int nextQ = n + 1 < qualityIndices.Count ? qualityIndices[n + 1] : items.Count;
            var d = q.Descriptor?.Descriptor;

            // Words already spent on explicit settings.
            if (hasEq && d is not null && (d.IsRegion || d.Word is "narrow" or "wide")) continue;
            if (explicitComp && d?.Word == "snappy" && q.Surface == "attack") continue;
            if (spread && d?.Word == "wide") continue;
            if (pan && d is not null && d.Word == "wide" && q.Surface is "spread") continue;

            var p = Polarity(items, k, prevQ, nextQ, q, inherited);
            lastMode = p.Mode == ClauseMode.None ? lastMode : p.Mode;
            if (p.Praise) { clause.Intents.Add(new PraiseIntent(d?.Word ?? q.Surface)); continue; }
            if (p.Sign == 0) continue;

            switch (q.Kind)
            {
                case QualityKind.Level:
                    clause.Intents.Add(new LevelIntent(p.Sign, p.Intensity));
                    break;
                case QualityKind.Reverb:
                    if (Before(items, k, 2).FirstOrDefault(i => i.IsWordIn(Grammar.LongerWords) || i.IsWordIn(Grammar.ShorterWords)) is { } len)
                        clause.Intents.Add(new DecayIntent(Grammar.LongerWords.Contains(len.Text) ? 1 : -1, p.Intensity));
                    else
                        clause.Intents.Add(new ReverbIntent(p.Sign, p.Intensity, Off: p.Off));
                    break;
                case QualityKind.Decay:
                {
                    var lenWord = Before(items, k, 2).FirstOrDefault(i => i.IsWordIn(Grammar.LongerWords) || i.IsWordIn(Grammar.ShorterWords));
                    int sign = lenWord is null ? p.Sign : Grammar.LongerWords.Contains(lenWord.Text) ? 1 : -1;
                    clause.Intents.Add(new DecayIntent(sign, p.Intensity));
                    break;
                }
                case QualityKind.Compression:
                    if (clause.Intents.OfType<CompressionIntent>().FirstOrDefault() is { HasExplicitSettings: true } explicitOne)
                        clause.Intents[clause.Intents.IndexOf(explicitOne)] = explicitOne with { Enabled = p.Off ? false : explicitOne.Enabled };
                    else
                        clause.Intents.Add(new CompressionIntent(p.Sign, p.Intensity, p.Off ? false : null));
                    break;
                case QualityKind.Descriptor:
                    clause.Intents.Add(new DescriptorIntent(d!, p.Sign < 0, p.Intensity));
                    break;
            }
        }
        clause.Mode = lastMode == ClauseMode.None ? inherited : lastMode;
    }

    /// <summary>The direction of one quality (+1 more, -1 less, 0 none), how much, and whether it is a complaint, a request or praise.</summary>
    internal readonly record struct PolarityResult(int Sign, double Intensity, ClauseMode Mode, bool Off, bool Praise);

    /// <summary>The polarity of the quality at <paramref name="k"/>, reading markers between the previous quality and the next.</summary>
    internal PolarityResult Polarity(IReadOnlyList<Item> items, int k, int prevQ, int nextQ, Quality q, ClauseMode inherited)
    {
        int inherent = q.InherentSign == 0 ? 1 : q.InherentSign;
        int marker = 0;          // +1 more, -1 less
        bool off = false;
        double? intensity = null;

        for (int j = k - 1; j > prevQ; j--)
        {
            var it = items[j];
            if (it.Kind == ItemKind.Modifier) { intensity ??= it.Intensity; continue; }
            if (it.Kind != ItemKind.Word || marker != 0) continue;
            string w = it.Text;
            if (w == "not enough") marker = 1;
            else if (w is "not so" or "not as" or "not too") marker = -1;
            else if (w == "not") marker = FollowsEnough(items, k, nextQ) ? 1 : -1;
            else if (Grammar.ExcessMarkers.Contains(w) || (w == "to" && j == k - 1 && IsComplaintContext(items, j))) marker = -1;
            // "has no attack", "there is no presence": a lack, so more of it.
            else if (w is "no" or "without" && PreviousMeaningful(items, j) is { } before && (before.IsWordIn(Grammar.Copulas) || before.Text == "there")) marker = 1;
            else if (Grammar.OffMarkers.Contains(w) && q.Kind is QualityKind.Reverb or QualityKind.Compression) { marker = -1; off = true; }
            else if (Grammar.NegativeMarkers.Contains(w)) marker = -1;
            else if (Grammar.PositiveMarkers.Contains(w) && !(w == "up" && j < k - 1)) marker = 1;
        }

        if (marker == 0)
            for (int j = k + 1; j < nextQ; j++)
            {
                var it = items[j];
                if (it.Kind == ItemKind.Modifier) { intensity ??= it.Intensity; continue; }
                if (it.Kind == ItemKind.Mention || it.Kind != ItemKind.Word) continue;
                if (Grammar.TrailingUpWords.Contains(it.Text)) { marker = 1; break; }
                if (Grammar.TrailingDownWords.Contains(it.Text)) { marker = -1; break; }
                if (it.Text == "enough" && items.Take(k).Any(i => i.IsWord("not"))) { marker = 1; break; }
                // "the dynamics are all over the place", "the reverb is too much": the quality is the subject.
                if (Grammar.ExcessMarkers.Contains(it.Text) && it.Text != "over" && items.Skip(k + 1).Take(j - k).Any(i => i.IsWordIn(Grammar.Copulas))) { marker = -1; break; }
            }
        else
            for (int j = k + 1; j < nextQ && intensity is null; j++)
                if (items[j].Kind == ItemKind.Modifier) intensity = items[j].Intensity;

        double level = intensity ?? DefaultIntensity;
        if (marker != 0) return new PolarityResult(marker * inherent, level, ClauseMode.None, off, false);
        if (q.InherentSign == 0 && q.Kind == QualityKind.Level) return new PolarityResult(0, level, ClauseMode.None, false, false);

        bool request = false, copula = false;
        for (int j = 0; j < k; j++)
        {
            if (items[j].IsWordIn(Grammar.RequestWords)) { request = true; copula = false; }
            else if (items[j].IsWordIn(Grammar.Copulas)) copula = true;
        }
        ClauseMode mode = request ? ClauseMode.Request : copula ? ClauseMode.Complaint : ClauseMode.None;
        var form = q.Descriptor?.Form ?? WordFormKind.Base;
        bool comparative = form is WordFormKind.Comparative or WordFormKind.Verb;
        var valence = q.Descriptor?.Descriptor.Valence ?? DescriptorValence.Neutral;

        ClauseMode effective = mode != ClauseMode.None ? mode : inherited;
        switch (effective)
        {
            case ClauseMode.Complaint:
                if (q.Kind == QualityKind.Descriptor && valence == DescriptorValence.Quality && !comparative)
                    return new PolarityResult(0, level, mode, false, true);
                return new PolarityResult(-inherent, level, mode, false, false);
            case ClauseMode.Request:
                return new PolarityResult(inherent, level, mode, false, false);
            default:
                if (q.Kind == QualityKind.Descriptor && valence == DescriptorValence.Problem && !comparative)
                    return new PolarityResult(-1, level, mode, false, false);
                return new PolarityResult(inherent, level, mode, false, false);
        }
    }

    /// <summary>"not bright enough": the "enough" after the quality turns "not" into "more".</summary>
    private static bool FollowsEnough(IReadOnlyList<Item> items, int k, int nextQ)
    {
        for (int j = k + 1; j < Math.Min(nextQ, k + 3); j++) if (items[j].IsWord("enough")) return true;
        return false;
    }

    /// <summary>"is to boomy": a typed "to" right after a copula is "too".</summary>
    private static bool IsComplaintContext(IReadOnlyList<Item> items, int j)
    {
        var prev = PreviousMeaningful(items, j);
        return prev is not null && (prev.IsWordIn(Grammar.Copulas) || prev.Kind == ItemKind.Modifier || prev.Kind == ItemKind.Mention || prev.IsWord("way"));
    }
}
