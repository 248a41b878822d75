using System.Text.RegularExpressions;
using Mixwright.Embeddings.Modifiers;
using static Mixwright.Assistant.Agent.Parsing.Steps.ItemNavigation;

namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>
/// Settings the user spelled out: an EQ reset, mute and solo, a loudness target or ceiling ("-14 LUFS"),
/// compressor values ("ratio 4", "attack 10 ms"), EQ moves at a frequency ("cut 300 Hz by 3 dB", "high pass
/// at 80") and pan ("pan it 30% left", "spread the guitars"). Runs before the qualities so the numbers and
/// words it spends are not read again as a level change or a descriptor.
/// </summary>
internal sealed partial class ExplicitSettingsReader(IntensityLexicon intensities) : IClauseStep
{
    [GeneratedRegex(@"\b(reset|flatten|clear|remove|bypass|zero|kill|undo|scrap|delete|take off)\b.*\beq\b|\beq\b.*\b(off|flat|reset|bypassed)\b|\b(flat|no) eq\b")]
    private static partial Regex ResetEqPattern();

    private double DefaultIntensity => intensities.DefaultIntensity;

    public void Apply(ClauseReading reading)
    {
        var clause = reading.Clause;
        string text = string.Join(' ', clause.Items.Where(i => i.Kind != ItemKind.Mention).Select(i => i.Text));
        if (ResetEqPattern().IsMatch(text)) clause.Intents.Add(new ResetEqIntent());
        FindMuteSolo(clause);
        FindMasterSettings(clause, reading.Consumed);
        FindCompressorSettings(clause, reading.Consumed);
        FindEq(clause, reading.Consumed);
        reading.Spread = FindPan(clause, reading.Consumed);
    }

    private static void FindMuteSolo(Clause clause)
    {
        var items = clause.Items;
        bool hasQuality = items.Any(i => i.Kind == ItemKind.Quality);
        foreach (var item in items)
        {
            if (item.Kind != ItemKind.Word) continue;
            if (item.Text is "mute" or "silence") clause.Intents.Add(new MuteIntent(true));
            else if (item.IsWordIn(Grammar.MuteWords) && !hasQuality && clause.HasTargets) clause.Intents.Add(new MuteIntent(true));
            else if (item.IsWordIn(Grammar.UnmuteWords) && (item.Text is "unmute" or "un-mute" || !hasQuality)) clause.Intents.Add(new MuteIntent(false));
            else if (item.IsWordIn(Grammar.SoloWords)) clause.Intents.Add(new SoloIntent(true));
            else if (item.IsWordIn(Grammar.UnsoloWords)) clause.Intents.Add(new SoloIntent(false));
        }
    }

    private static void FindMasterSettings(Clause clause, HashSet<int> consumed)
    {
        var items = clause.Items;
        bool ceilingWord = items.Any(i => i.Text is "ceiling" or "true peak" or "true-peak" or "peak ceiling");
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k] is not { Kind: ItemKind.Number, Token: { } t }) continue;
            if (t.Unit == "lufs") { clause.Intents.Add(new MasterIntent(-Math.Abs(t.Value), null)); consumed.Add(k); }
            else if (t.Unit == "dbtp" || (ceilingWord && t.Unit is "db" or null && Math.Abs(t.Value) <= 12))
            {
                clause.Intents.Add(new MasterIntent(null, -Math.Abs(t.Value)));
                consumed.Add(k);
            }
        }
    }

    private static void FindCompressorSettings(Clause clause, HashSet<int> consumed)
    {
        var items = clause.Items;
        double? ratio = null, threshold = null, attack = null, release = null, makeup = null;
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k] is not { Kind: ItemKind.Number, Token: { } t } || consumed.Contains(k)) continue;
            string? near = NearWord(items, k, "threshold", "attack", "release", "makeup", "make up", "ratio");
            if (t.Unit == "ratio" || near == "ratio") { ratio = t.Value; consumed.Add(k); }
            else if (near == "threshold" && t.Unit is "db" or null) { threshold = -Math.Abs(t.Value); consumed.Add(k); }
            else if (near == "attack" && t.Unit is "ms" or null) { attack = t.Value; consumed.Add(k); }
            else if (near == "release" && t.Unit is "ms" or "s" or null) { release = t.Unit == "s" ? t.Value * 1000 : t.Value; consumed.Add(k); }
            else if (near is "makeup" or "make up" && t.Unit is "db" or null) { makeup = t.Value; consumed.Add(k); }
        }
        if (new[] { ratio, threshold, attack, release, makeup }.Any(v => v is not null))
            clause.Intents.Add(new CompressionIntent(1, InterpreterDefaults.UnmarkedIntensity, null, threshold, ratio, attack, release, makeup));
    }

    /// <summary>A keyword within two items of position k (before or after), if any.</summary>
    private static string? NearWord(IReadOnlyList<Item> items, int k, params string[] words)
    {
        for (int d = 1; d <= 2; d++)
            foreach (int j in new[] { k - d, k + d })
                if (j >= 0 && j < items.Count && words.Contains(items[j].Text)) return items[j].Text;
        return null;
    }

    private void FindEq(Clause clause, HashSet<int> consumed)
    {
        var items = clause.Items;
        bool highPass = items.Any(i => i.IsWordIn(Grammar.HighPassWords));
        bool lowPass = items.Any(i => i.IsWordIn(Grammar.LowPassWords));
        bool shelf = items.Any(i => i.Text.Contains("shelf", StringComparison.Ordinal));
        bool notch = items.Any(i => i.Text is "notch" or "notch out");
        bool cutVerb = items.Any(i => i.IsWordIn(Grammar.EqCutVerbs) || i.IsWordIn(Grammar.ExcessMarkers) || i.IsWord("roll off"));
        bool boostVerb = items.Any(i => Grammar.EqBoostVerbs.Contains(i.Text))
            || (!cutVerb && items.Any(i => i.Kind == ItemKind.Modifier));
        double intensity = items.FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity ?? DefaultIntensity;

        var freqs = new List<(int Index, double Hz)>();
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k] is not { Kind: ItemKind.Number, Token: { } t } || consumed.Contains(k)) continue;
            bool isFreq = t.Unit == "hz"
                || (t.Unit is null && t.Value >= 20 && t.Value <= 20000 && PreviousMeaningful(items, k) is { } p
                    && (p.IsWordIn(Grammar.EqVerbs) || p.IsWordIn(Grammar.HighPassWords) || p.IsWordIn(Grammar.LowPassWords) || p.Text is "below" or "above" or "under" or "over"));
            if (isFreq) { freqs.Add((k, t.Value)); consumed.Add(k); }
        }

        if (freqs.Count == 0)
        {
            if (highPass) clause.Intents.Add(new EqIntent("high_pass", InterpreterDefaults.HighPassHz, null, null));
            else if (lowPass) clause.Intents.Add(new EqIntent("high_shelf", InterpreterDefaults.LowPassHz, -InterpreterDefaults.EqStepDb(1), 0.7));
            return;
        }

        double? q = null;
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k].IsWord("q") && k + 1 < items.Count && items[k + 1] is { Kind: ItemKind.Number, Token: { } qt }) { q = qt.Value; consumed.Add(k + 1); }
            if (items[k] is { Kind: ItemKind.Quality, Quality.Descriptor.Descriptor.Word: "narrow" }) q ??= 4;
            if (items[k] is { Kind: ItemKind.Quality, Quality.Descriptor.Descriptor.Word: "wide" }) q ??= 0.7;
        }

        foreach (var (index, hz) in freqs)
        {
            var prev = PreviousMeaningful(items, index);
            string type = highPass || (prev?.Text == "below" && cutVerb) ? "high_pass"
                : lowPass || (prev?.Text == "above" && cutVerb) ? "high_shelf"
                : shelf ? (hz < 1000 ? "low_shelf" : "high_shelf")
                : "peak";
            if (type == "high_pass") { clause.Intents.Add(new EqIntent(type, hz, null, null)); continue; }

            double? db = null;
            for (int k = 0; k < items.Count; k++)
                if (!consumed.Contains(k) && items[k] is { Kind: ItemKind.Number, Token: { Unit: "db" } dt })
                {
                    db = dt.Signed ? dt.Value : Math.Abs(dt.Value) * (boostVerb && !cutVerb ? 1 : -1);
                    consumed.Add(k);
                    break;
                }
            double gain = db ?? (notch ? -InterpreterDefaults.NotchDb(intensity) : (boostVerb && !cutVerb ? 1 : -1) * InterpreterDefaults.EqStepDb(intensity));
            clause.Intents.Add(new EqIntent(type, hz, gain, notch ? InterpreterDefaults.NotchQ : q ?? (type == "peak" ? InterpreterDefaults.EqQ : 0.7)));
        }
    }

    /// <summary>Pan, spread and mono. Returns true when the clause spreads several tracks apart.</summary>
    private bool FindPan(Clause clause, HashSet<int> consumed)
    {
        var items = clause.Items;
        bool panVerb = items.Any(i => i.Text is "pan" or "panned" or "panning" or "pan it");
        if (items.Any(i => i.IsWord("mono"))) clause.Intents.Add(new WidthIntent(0, null));

        bool spread = items.Any(i => i.IsWordIn(Grammar.SpreadWords) && i.Text != "spread")
            || (items.Any(i => i.Text == "spread") && (panVerb || clause.Targets.Count > 1 || clause.Targets.Any(t => t.Mention.IsPlural)));
        if (spread && (clause.Targets.Count > 1 || clause.Targets.Any(t => t.Mention.IsPlural || t.AllQuantifier)))
        {
            clause.Intents.Add(new PanSpreadIntent(InterpreterDefaults.SpreadPan));
            return true;
        }

        if (items.Any(i => i.IsWordIn(Grammar.CenterWords)))
        {
            clause.Intents.Add(new PanIntent(0, null));
            return false;
        }

        for (int k = 0; k < items.Count; k++)
        {
            var item = items[k];
            if (item.Kind != ItemKind.Word) continue;
            int dir = item.Text switch { "left" or "hard left" or "far left" => -1, "right" or "hard right" or "far right" => 1, _ => 0 };
            if (dir == 0 || !IsPanDirection(items, k, panVerb)) continue;

            bool hard = item.Text.StartsWith("hard", StringComparison.Ordinal) || Before(items, k, 3).Any(i => i.IsWordIn(Grammar.HardPanWords));
            bool far = item.Text.StartsWith("far", StringComparison.Ordinal) || Before(items, k, 2).Any(i => i.IsWordIn(Grammar.FarPanWords));
            double? percent = null;
            for (int j = Math.Max(0, k - 3); j < Math.Min(items.Count, k + 3); j++)
                if (items[j] is { Kind: ItemKind.Number, Token: { } t } && !consumed.Contains(j) && t.Unit is "percent" or null && t.Value > 0 && t.Value <= 100)
                {
                    percent = t.Value / 100;
                    consumed.Add(j);
                    break;
                }
            double? modifier = Before(items, k, 3).Concat(items.Skip(k + 1).Take(3)).FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity;
            bool more = Before(items, k, 3).Any(i => i.Text is "more" or "further" or "farther");

            if (hard) clause.Intents.Add(new PanIntent(dir, null));
            else if (percent is double p) clause.Intents.Add(new PanIntent(dir * p, null));
            else if (far) clause.Intents.Add(new PanIntent(dir * InterpreterDefaults.FarPan, null));
            else if (modifier is double m) clause.Intents.Add(new PanIntent(null, dir * InterpreterDefaults.PanStep(m)));
            else if (more) clause.Intents.Add(new PanIntent(null, dir * InterpreterDefaults.PanStep(DefaultIntensity)));
            else clause.Intents.Add(new PanIntent(dir * InterpreterDefaults.DefaultPan, null));
            break;
        }
        return false;
    }

    /// <summary>"left"/"right" is a pan direction unless it is "right now", "all right" and the like.</summary>
    private static bool IsPanDirection(IReadOnlyList<Item> items, int k, bool panVerb)
    {
        if (items[k].Text.Contains(' ')) return true;
        var next = k + 1 < items.Count ? items[k + 1] : null;
        if (next is { Kind: ItemKind.Word } && next.Text is "now" or "away" or "there" or "here" or "on" or "after" or "before") return false;
        if (panVerb) return true;
        var prev = k > 0 ? items[k - 1] : null;
        if (prev is null) return next is null;
        return prev.IsWordIn(Grammar.PanLeadIns) || prev.IsWordIn(Grammar.HardPanWords) || prev.IsWordIn(Grammar.FarPanWords)
            || prev.Kind is ItemKind.Modifier or ItemKind.Mention or ItemKind.Number
            || next is null || next.Text is "side" or "channel" or "speaker" || next.Kind == ItemKind.Number || next.Kind == ItemKind.Modifier;
    }
}
