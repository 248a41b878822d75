using System.Text.RegularExpressions;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;
using Mixwright.Embeddings.Text;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// Reads one clause: which tracks it aims at (and which it only mentions as a reference point), and what
/// it asks for. A quality's direction comes from the nearest marker ("more", "less", "too", "not enough");
/// without one, a stated quality is a complaint ("the kick is boomy": less boom) and a requested one is
/// wanted ("make it boomy").
/// </summary>
internal sealed partial class ClauseAnalyzer(TrackResolver tracks, IntensityLexicon intensities, DescriptorLexicon descriptors)
{
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["last"] = -1,
    };

    private static readonly Dictionary<string, double> SizeAdjectives = new(StringComparer.Ordinal)
    {
        ["heavy"] = 1, ["heavier"] = 1, ["big"] = 1, ["bigger"] = 1, ["huge"] = 1, ["hard"] = 1, ["harder"] = 1,
        ["light"] = 0.33, ["lighter"] = 0.33, ["gentle"] = 0.33, ["gentler"] = 0.33, ["subtle"] = 0.33, ["small"] = 0.33, ["tiny"] = 0.33,
    };

    [GeneratedRegex(@"\b(reset|flatten|clear|remove|bypass|zero|kill|undo|scrap|delete|take off)\b.*\beq\b|\beq\b.*\b(off|flat|reset|bypassed)\b|\b(flat|no) eq\b")]
    private static partial Regex ResetEqPattern();

    private double DefaultIntensity => intensities.DefaultIntensity;

    /// <param name="raw">The clause's items.</param>
    /// <param name="inherited">The previous clause's mode, for bare qualities ("the bass is muddy and boomy").</param>
    /// <param name="previous">The previous clause's qualities, for a clause with only a direction ("more reverb on the pad, less on the piano").</param>
    public Clause Analyze(List<Item> raw, ClauseMode inherited, IReadOnlyList<Quality> previous)
    {
        var items = Preprocess(raw);
        var clause = new Clause(items);
        var consumed = new HashSet<int>();
        FindTargets(clause, consumed);
        FindIntents(clause, inherited, consumed, previous);
        return clause;
    }

    // ---------------------------------------------------------------- preprocessing

    private static List<Item> Preprocess(List<Item> raw)
    {
        var items = new List<Item>(raw);
        for (int k = 0; k < items.Count; k++)
        {
            var item = items[k];
            // A word that is both a track and a sound ("bass", "room") is the sound when it follows a quantity
            // word and another track is the target: "more bass on the kick".
            if (item is { Kind: ItemKind.Mention, Quality: { } alt }
                && items.Any(o => o != item && o.Kind == ItemKind.Mention && o.Quality is null)
                && PreviousMeaningful(items, k) is { } prev
                && (prev.Kind == ItemKind.Modifier || prev.IsWordIn(Grammar.PositiveMarkers) || prev.IsWordIn(Grammar.NegativeMarkers) || prev.IsWordIn(Grammar.ExcessMarkers) || prev.Text is "enough" or "any" or "of"))
                items[k] = item with { Kind = ItemKind.Quality, Mention = null, Quality = alt };

            item = items[k];
            // "heavy compression", "a light reverb": size adjectives before a console control are intensities.
            if (item is { Kind: ItemKind.Quality, Quality.Kind: QualityKind.Descriptor } && k + 1 < items.Count
                && items[k + 1] is { Kind: ItemKind.Quality, Quality.Kind: QualityKind.Reverb or QualityKind.Compression or QualityKind.Decay }
                && SizeAdjectives.TryGetValue(TextKey.Of(item.Text), out double size))
                items[k] = item with { Kind = ItemKind.Modifier, Quality = null, Intensity = size };

            item = items[k];
            // "behind the guitars" places the target relative to another track; it is not the word "distant".
            if (item is { Kind: ItemKind.Quality, Text: "behind" } && NextMeaningful(items, k) is { Kind: ItemKind.Mention })
                items[k] = item with { Kind = ItemKind.Word, Quality = null };

            item = items[k];
            // "the snare reverb is too loud": a level word about the reverb is about the reverb send.
            if (item is { Kind: ItemKind.Quality, Quality.Kind: QualityKind.Reverb or QualityKind.Compression })
                for (int j = k + 1; j < Math.Min(items.Count, k + 5); j++)
                {
                    if (items[j].Kind is ItemKind.Mention or ItemKind.Number || (items[j].Kind == ItemKind.Quality && items[j].Quality!.Kind != QualityKind.Level)) break;
                    if (items[j] is { Kind: ItemKind.Quality, Quality: { Kind: QualityKind.Level } level })
                    {
                        items[j] = items[j] with { Quality = new Quality(item.Quality!.Kind, level.InherentSign, null, level.Surface) };
                        items[k] = item with { Kind = ItemKind.Word, Quality = null };
                        break;
                    }
                }

            item = items[k];
            // "clean up the low end", "tighten the low mids": the verb reduces the region it is aimed at.
            if (item is { Kind: ItemKind.Quality, Quality.Descriptor: { } d } && Grammar.ReducerDescriptors.Contains(d.Descriptor.Word)
                && NextMeaningful(items, k) is { Kind: ItemKind.Quality, Quality.Descriptor.Descriptor.IsRegion: true })
                items[k] = item with { Kind = ItemKind.Word, Text = "reduce", Quality = null };
        }
        return items;
    }

    private static Item? PreviousMeaningful(IReadOnlyList<Item> items, int k)
    {
        for (int j = k - 1; j >= 0; j--)
            if (!(items[j].Kind == ItemKind.Word && Grammar.Determiners.Contains(items[j].Text))) return items[j];
        return null;
    }

    private static Item? NextMeaningful(IReadOnlyList<Item> items, int k)
    {
        for (int j = k + 1; j < items.Count; j++)
            if (!(items[j].Kind == ItemKind.Word && Grammar.Determiners.Contains(items[j].Text))) return items[j];
        return null;
    }

    private static int PreviousMeaningfulIndex(IReadOnlyList<Item> items, int k)
    {
        for (int j = k - 1; j >= 0; j--)
            if (!(items[j].Kind == ItemKind.Word && Grammar.Determiners.Contains(items[j].Text))) return j;
        return -1;
    }

    // ---------------------------------------------------------------- targets

    private void FindTargets(Clause clause, HashSet<int> consumed)
    {
        var items = clause.Items;
        int maskingAt = -1;
        int exclusionAt = -1;
        bool broadSeen = false;
        for (int k = 0; k < items.Count; k++)
        {
            var item = items[k];
            if (item.IsWordIn(Grammar.MaskingVerbs) && maskingAt < 0) maskingAt = k;
            if (item.IsWordIn(Grammar.ExclusionWords) && broadSeen) exclusionAt = k;
            if (item.IsWordIn(Grammar.Pronouns)) clause.HasPronoun = true;
            if (item.IsWordIn(Grammar.FollowUpMarkers)) clause.HasFollowUpMarker = true;

            // "track 3", "the last track"
            if (item.Kind == ItemKind.Word && item.Text is "track" or "stem" or "channel" or "number")
            {
                if (k + 1 < items.Count && items[k + 1] is { Kind: ItemKind.Number, Token: { Unit: null } num } && num.Value >= 1 && num.Value <= tracks.Tracks.Count && num.Value == Math.Floor(num.Value))
                {
                    clause.PositionalTargets.Add(tracks.Tracks[(int)num.Value - 1]);
                    consumed.Add(k + 1);
                }
                else if (PreviousMeaningful(items, k) is { Kind: ItemKind.Word } ord && Ordinals.TryGetValue(ord.Text, out int n) && tracks.Tracks.Count > 0)
                {
                    int index = n < 0 ? tracks.Tracks.Count + n : n - 1;
                    if (index >= 0 && index < tracks.Tracks.Count) clause.PositionalTargets.Add(tracks.Tracks[index]);
                }
                continue;
            }
            if (item.Kind != ItemKind.Mention) continue;

            var mention = item.Mention!;
            int prevIndex = PreviousMeaningfulIndex(items, k);
            var prev = prevIndex >= 0 ? items[prevIndex] : null;
            bool relational = (prev is not null && prev.IsWordIn(Grammar.RelationalWords))
                || (maskingAt >= 0 && k > maskingAt)
                || (prev is not null && prev.Text == "for" && (clause.Targets.Count > 0 || clause.MixTarget || clause.AllTracksTarget));
            if (relational) continue;

            if (mention.Kind == MentionKind.Mix)
            {
                // "everything below 80 Hz" is a frequency range; "sits low in the mix" places a track.
                var next = NextMeaningful(items, k);
                if (next is not null && next.Text is "below" or "above" or "under" or "over" or "else") continue;
                if (prev is not null && prev.Text is "in" or "of" or "through" or "within" or "across" or "against" && items.Any(o => o.Kind == ItemKind.Mention && o.Mention!.Kind == MentionKind.Tracks)) continue;
                clause.MixTarget = true;
                broadSeen = true;
                continue;
            }
            if (mention.Kind == MentionKind.AllTracks) { clause.AllTracksTarget = true; broadSeen = true; continue; }

            bool all = false;
            for (int j = Math.Max(0, k - 3); j < k; j++) if (items[j].IsWordIn(Grammar.Quantifiers)) all = true;
            int? ordinal = null;
            bool other = false;
            if (prev is { Kind: ItemKind.Word } && Ordinals.TryGetValue(prev.Text, out int o)) ordinal = o;
            if (prev is not null && (prev.IsWord("other") || prev.IsWord("the other"))) other = true;
            if (k + 1 < items.Count && items[k + 1] is { Kind: ItemKind.Number, Token: { Unit: null, Signed: false } nt }
                && nt.Value >= 1 && nt.Value <= 9 && nt.Value == Math.Floor(nt.Value) && mention.Candidates.Count > 1)
            {
                ordinal = (int)nt.Value;
                consumed.Add(k + 1);
            }

            var target = new TargetRef(mention, all, ordinal, other);
            if (exclusionAt >= 0 && exclusionAt < k) clause.Exclusions.Add(target);
            else
            {
                clause.Targets.Add(target);
                if (mention.IsPlural || all) broadSeen = true;
            }
        }
        // "the guest on the phone": a vague phrase narrowed by a precise one means the precise one.
        clause.Targets.RemoveAll(vague => vague.Mention.Candidates.Count > 1 && !vague.AllQuantifier && vague.Ordinal is null
            && clause.Targets.Any(precise => !ReferenceEquals(precise, vague) && precise.Mention.Candidates.Count < vague.Mention.Candidates.Count
                && precise.Mention.Candidates.All(vague.Mention.Candidates.Contains)));
    }

    // ---------------------------------------------------------------- intents

    private void FindIntents(Clause clause, ClauseMode inherited, HashSet<int> consumed, IReadOnlyList<Quality> previous)
    {
        var items = clause.Items;
        string text = string.Join(' ', items.Where(i => i.Kind != ItemKind.Mention).Select(i => i.Text));

        if (ResetEqPattern().IsMatch(text)) clause.Intents.Add(new ResetEqIntent());
        FindMuteSolo(clause);
        FindMasterSettings(clause, consumed);
        FindCompressorSettings(clause, consumed);
        FindEq(clause, consumed);
        bool spread = FindPan(clause, consumed);
        FindQualities(clause, inherited, consumed, spread);
        double modifier = items.FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity ?? DefaultIntensity;
        if (items.Any(i => i.IsWordIn(Grammar.CompressPhrases)) && !clause.Intents.Any(i => i is CompressionIntent))
            clause.Intents.Add(new CompressionIntent(1, modifier));
        if (items.Any(i => i.IsWordIn(Grammar.DecompressPhrases)) && !clause.Intents.Any(i => i is CompressionIntent))
            clause.Intents.Add(new CompressionIntent(-1, modifier));
        FindPlacement(clause, modifier);
        FindEchoedQualities(clause, previous, modifier);
        FindPraise(clause);
        FindImplicitLevel(clause);
        AssignDecibels(clause, consumed);
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
            clause.Intents.Add(new CompressionIntent(1, 0.6, null, threshold, ratio, attack, release, makeup));
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
        bool boostVerb = items.Any(i => i.Text is "boost" or "add" or "lift" or "bump" or "more" or "raise" or "push" or "bump up" or "some" or "extra")
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

            bool hard = item.Text.StartsWith("hard", StringComparison.Ordinal) || Window(items, k, 3).Any(i => i.IsWordIn(Grammar.HardPanWords));
            bool far = item.Text.StartsWith("far", StringComparison.Ordinal) || Window(items, k, 2).Any(i => i.IsWordIn(Grammar.FarPanWords));
            double? percent = null;
            for (int j = Math.Max(0, k - 3); j < Math.Min(items.Count, k + 3); j++)
                if (items[j] is { Kind: ItemKind.Number, Token: { } t } && !consumed.Contains(j) && t.Unit is "percent" or null && t.Value > 0 && t.Value <= 100)
                {
                    percent = t.Value / 100;
                    consumed.Add(j);
                    break;
                }
            double? modifier = Window(items, k, 3).Concat(items.Skip(k + 1).Take(3)).FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity;
            bool more = Window(items, k, 3).Any(i => i.Text is "more" or "further" or "farther");

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

    private static IEnumerable<Item> Window(IReadOnlyList<Item> items, int k, int before)
    {
        for (int j = Math.Max(0, k - before); j < k; j++) yield return items[j];
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

    private void FindQualities(Clause clause, ClauseMode inherited, HashSet<int> consumed, bool spread)
    {
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
                    if (Window(items, k, 2).FirstOrDefault(i => i.IsWordIn(Grammar.LongerWords) || i.IsWordIn(Grammar.ShorterWords)) is { } len)
                        clause.Intents.Add(new DecayIntent(Grammar.LongerWords.Contains(len.Text) ? 1 : -1, p.Intensity));
                    else
                        clause.Intents.Add(new ReverbIntent(p.Sign, p.Intensity, Off: p.Off));
                    break;
                case QualityKind.Decay:
                {
                    var lenWord = Window(items, k, 2).FirstOrDefault(i => i.IsWordIn(Grammar.LongerWords) || i.IsWordIn(Grammar.ShorterWords));
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

    private readonly record struct PolarityResult(int Sign, double Intensity, ClauseMode Mode, bool Off, bool Praise);

    private PolarityResult Polarity(IReadOnlyList<Item> items, int k, int prevQ, int nextQ, Quality q, ClauseMode inherited)
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
                if (it.Text is "up" or "higher" or "louder") { marker = 1; break; }
                if (it.Text is "down" or "lower" or "quieter") { marker = -1; break; }
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

    /// <summary>"Push the guitars back", "tuck the pad back": further away in the mix.</summary>
    private void FindPlacement(Clause clause, double intensity)
    {
        var items = clause.Items;
        if (clause.Intents.Any(i => i is not PraiseIntent) || !items.Any(i => i.IsWord("back"))) return;
        if (!items.Any(i => i.IsWordIn(Grammar.PlacementVerbs))) return;
        if (DistantDescriptor is { } distant) clause.Intents.Add(new DescriptorIntent(distant, false, intensity));
    }

    private Descriptor? DistantDescriptor => descriptors.TryGet("distant", out var d) ? d : null;

    /// <summary>
    /// A clause with only a direction borrows the qualities of the clause before it:
    /// "more reverb on the pad, less on the piano", "less low end on the piano and more on the bass".
    /// </summary>
    private static void FindEchoedQualities(Clause clause, IReadOnlyList<Quality> previous, double intensity)
    {
        var items = clause.Items;
        if (previous.Count == 0 || clause.Intents.Count > 0 || items.Any(i => i.Kind == ItemKind.Quality)) return;
        int sign = 0;
        foreach (var item in items)
        {
            if (item.Kind != ItemKind.Word) continue;
            if (item.Text is "more" or "some more" or "extra" or "not enough" or "add" or "some") { sign = 1; break; }
            if (item.Text is "less" or "fewer" or "too much" or "no" or "way too much" or "not so much") { sign = -1; break; }
        }
        if (sign == 0) return;
        foreach (var q in previous)
        {
            int inherent = q.InherentSign == 0 ? 1 : q.InherentSign;
            switch (q.Kind)
            {
                case QualityKind.Level: clause.Intents.Add(new LevelIntent(sign * inherent, intensity)); break;
                case QualityKind.Reverb: clause.Intents.Add(new ReverbIntent(sign, intensity)); break;
                case QualityKind.Compression: clause.Intents.Add(new CompressionIntent(sign, intensity)); break;
                case QualityKind.Decay: clause.Intents.Add(new DecayIntent(sign, intensity)); break;
                case QualityKind.Descriptor: clause.Intents.Add(new DescriptorIntent(q.Descriptor!.Descriptor, sign < 0, intensity)); break;
            }
        }
    }

    /// <summary>"The kick sounds great": a compliment, nothing to change.</summary>
    private static void FindPraise(Clause clause)
    {
        var items = clause.Items;
        if (clause.Intents.Count > 0) return;
        bool copula = items.Any(i => i.IsWordIn(Grammar.Copulas));
        var praise = items.FirstOrDefault(i => i.IsWordIn(Grammar.PraiseWords));
        if (copula && praise is not null && !items.Any(i => i.IsWord("not"))) clause.Intents.Add(new PraiseIntent(praise.Text));
    }

    /// <summary>
    /// A direction with no quality ("snare up", "bring the guitars down", "I can't hear the vocal") is a
    /// level change; so is a track drowning another ("the guitars are drowning the vocal").
    /// </summary>
    private void FindImplicitLevel(Clause clause)
    {
        if (clause.Intents.Any(i => i is not PraiseIntent)) return;
        var items = clause.Items;
        double intensity = items.FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity ?? DefaultIntensity;
        if (items.Any(i => i.IsWordIn(Grammar.MaskingVerbs))) { clause.Intents.Add(new LevelIntent(-1, intensity)); return; }
        if (items.Any(i => i.IsWordIn(Grammar.LevelUpPhrases))) { clause.Intents.Add(new LevelIntent(1, intensity)); return; }
        if (clause.HasTargets && items.Any(i => i.Text is "too much" or "way too much" or "a bit much" or "a little much" or "bit much" or "overpowering"))
        { clause.Intents.Add(new LevelIntent(-1, intensity)); return; }
        if (!clause.HasTargets && !clause.HasPronoun && !items.Any(i => i.Kind == ItemKind.Number)) return;
        foreach (var item in items)
        {
            if (item.Kind != ItemKind.Word) continue;
            if (item.Text is "boost" or "raise" or "up" or "turn up" or "bring up" or "push up" or "crank" or "crank up" or "pump up" or "increase" or "more" or "dial up" or "bump up" or "bump" or "lift" or "push")
            { clause.Intents.Add(new LevelIntent(1, intensity)); return; }
            if (item.Text is "down" or "lower" or "turn down" or "bring down" or "push down" or "drop" or "reduce" or "decrease" or "less" or "cut" or "pull back" or "pull down" or "back off" or "dial back" or "dial down" or "tone down" or "cut back" or "ease off" or "duck" or "tuck")
            { clause.Intents.Add(new LevelIntent(-1, intensity)); return; }
        }
    }

    /// <summary>Gives dB amounts to the level, reverb or region move they belong to.</summary>
    private static void AssignDecibels(Clause clause, HashSet<int> consumed)
    {
        var items = clause.Items;
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k] is not { Kind: ItemKind.Number, Token: { } t } || consumed.Contains(k)) continue;
            var prev = PreviousMeaningful(items, k);
            bool leadIn = prev is not null && prev.IsWordIn(Grammar.NumberUnitlessAmountLeadIns);
            bool isDb = t.Unit == "db" || (t.Unit is null && (leadIn || t.Signed) && Math.Abs(t.Value) <= 24);
            if (!isDb) continue;
            bool absolute = prev is not null && prev.Text is "to" or "at" && !(prev.Text == "to" && t.Unit is null && !t.Signed);
            consumed.Add(k);

            int index = clause.Intents.FindIndex(i => i is LevelIntent { DeltaDb: null, AbsoluteDb: null });
            if (index >= 0)
            {
                var level = (LevelIntent)clause.Intents[index];
                clause.Intents[index] = absolute ? level with { AbsoluteDb = t.Value }
                    : level with { DeltaDb = t.Signed && level.Sign == 0 ? t.Value : level.Sign * Math.Abs(t.Value) };
                continue;
            }
            index = clause.Intents.FindIndex(i => i is ReverbIntent { DeltaDb: null, AbsoluteDb: null, Off: false });
            if (index >= 0)
            {
                var reverb = (ReverbIntent)clause.Intents[index];
                clause.Intents[index] = absolute ? reverb with { AbsoluteDb = t.Value } : reverb with { DeltaDb = reverb.Sign * Math.Abs(t.Value) };
                continue;
            }
            index = clause.Intents.FindIndex(i => i is DescriptorIntent { Descriptor.IsRegion: true, ExplicitDb: null });
            if (index >= 0)
            {
                var region = (DescriptorIntent)clause.Intents[index];
                clause.Intents[index] = region with { ExplicitDb = (region.Negate ? -1 : 1) * Math.Abs(t.Value) };
                continue;
            }
            if (clause.Intents.Any(i => i is not PraiseIntent)) continue;
            // "kick -3 dB", "set the snare to -6 dB": a bare amount is a level change.
            if (absolute) clause.Intents.Add(new LevelIntent(0, 0.6, AbsoluteDb: t.Value));
            else if (t.Signed) clause.Intents.Add(new LevelIntent(Math.Sign(t.Value), 0.6, DeltaDb: t.Value));
        }
    }
}
