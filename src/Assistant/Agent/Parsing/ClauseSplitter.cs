using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// Splits tagged items into clauses at punctuation and conjunctions, except where the conjunction joins
/// track names into one list ("the kick and snare") or introduces an exclusion ("everything but the drums").
/// </summary>
internal static class ClauseSplitter
{
    private static readonly HashSet<string> SplittingPunct = [",", ";", ".", "!", "?"];

    public static List<List<Item>> Split(IReadOnlyList<Item> items)
    {
        var clauses = new List<List<Item>>();
        var current = new List<Item>();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            bool separator = (item.Kind == ItemKind.Punct && SplittingPunct.Contains(item.Text)) || item.IsWordIn(Grammar.Separators);
            if (separator && !JoinsTargets(items, i) && !IntroducesExclusion(items, i, current))
            {
                if (current.Count > 0) clauses.Add(current);
                current = [];
                continue;
            }
            if (item.Kind != ItemKind.Punct) current.Add(item);
        }
        if (current.Count > 0) clauses.Add(current);
        return clauses;
    }

    private static bool JoinsTargets(IReadOnlyList<Item> items, int i)
    {
        if (!(items[i].Text is "and" or "," or "or" or "plus" or "as well as")) return false;
        var before = Neighbour(items, i, -1);
        var after = Neighbour(items, i, +1);
        return before is { Kind: ItemKind.Mention } && after is { Kind: ItemKind.Mention };
    }

    private static bool IntroducesExclusion(IReadOnlyList<Item> items, int i, List<Item> current)
    {
        if (!items[i].IsWord("but")) return false;
        var after = Neighbour(items, i, +1);
        bool mentionFollows = after is { Kind: ItemKind.Mention } || (after is { Kind: ItemKind.Word, Text: "not" } && Neighbour(items, IndexOf(items, after), +1) is { Kind: ItemKind.Mention });
        bool broadBefore = current.Any(it => it.Kind == ItemKind.Mention && (it.Mention!.Kind != TrackPhraseKind.Tracks || it.Mention.IsPlural));
        return mentionFollows && broadBefore;
    }

    private static int IndexOf(IReadOnlyList<Item> items, Item item)
    {
        for (int k = 0; k < items.Count; k++) if (ReferenceEquals(items[k], item)) return k;
        return -1;
    }

    /// <summary>The nearest item in a direction, skipping determiners.</summary>
    private static Item? Neighbour(IReadOnlyList<Item> items, int i, int step)
    {
        for (int k = i + step; k >= 0 && k < items.Count; k += step)
        {
            if (items[k].Kind == ItemKind.Word && Grammar.Determiners.Contains(items[k].Text)) continue;
            return items[k];
        }
        return null;
    }
}
