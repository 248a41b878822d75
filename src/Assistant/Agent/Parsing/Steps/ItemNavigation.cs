namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>Looking around an item while skipping determiners: "cut the low end" sees "cut" before "low end".</summary>
internal static class ItemNavigation
{
    public static Item? PreviousMeaningful(IReadOnlyList<Item> items, int k)
    {
        int j = PreviousMeaningfulIndex(items, k);
        return j >= 0 ? items[j] : null;
    }

    public static int PreviousMeaningfulIndex(IReadOnlyList<Item> items, int k)
    {
        for (int j = k - 1; j >= 0; j--)
            if (!IsDeterminer(items[j])) return j;
        return -1;
    }

    public static Item? NextMeaningful(IReadOnlyList<Item> items, int k)
    {
        for (int j = k + 1; j < items.Count; j++)
            if (!IsDeterminer(items[j])) return items[j];
        return null;
    }

    /// <summary>The up to <paramref name="before"/> items right before position k.</summary>
    public static IEnumerable<Item> Before(IReadOnlyList<Item> items, int k, int before)
    {
        for (int j = Math.Max(0, k - before); j < k; j++) yield return items[j];
    }

    private static bool IsDeterminer(Item item) => item.Kind == ItemKind.Word && Grammar.Determiners.Contains(item.Text);
}
