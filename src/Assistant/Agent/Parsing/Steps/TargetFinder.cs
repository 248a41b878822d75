using Mixwright.Tools.Session;
using static Mixwright.Assistant.Agent.Parsing.Steps.ItemNavigation;

namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>
/// Which tracks the clause aims at, and which it only names as a reference point ("under the vocals",
/// "the guitars are drowning the vocal") or leaves out ("everything but the drums"). Also reads positions
/// ("track 3", "the second guitar"), pronouns and follow-up markers ("the same on the bass").
/// </summary>
internal sealed class TargetFinder(TrackResolver tracks) : IClauseStep
{
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["last"] = -1,
    };

    public void Apply(ClauseReading reading)
    {
        var clause = reading.Clause;
        var consumed = reading.Consumed;
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

            if (mention.Kind == TrackPhraseKind.Mix)
            {
                // "everything below 80 Hz" is a frequency range; "sits low in the mix" places a track.
                var next = NextMeaningful(items, k);
                if (next is not null && next.Text is "below" or "above" or "under" or "over" or "else") continue;
                if (prev is not null && prev.Text is "in" or "of" or "through" or "within" or "across" or "against" && items.Any(o => o.Kind == ItemKind.Mention && o.Mention!.Kind == TrackPhraseKind.Tracks)) continue;
                clause.MixTarget = true;
                broadSeen = true;
                continue;
            }
            if (mention.Kind == TrackPhraseKind.AllTracks) { clause.AllTracksTarget = true; broadSeen = true; continue; }

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
}
