namespace Mixwright.Embeddings.Text;

/// <summary>
/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
/// letters each cost one. Swaps matter because most typing slips are transpositions ("britgher").
/// </summary>
public static class DamerauLevenshtein
{
    /// <summary>The distance, or <paramref name="limit"/> + 1 as soon as it is known to exceed the limit.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit == int.MaxValue ? limit : limit + 1;
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;

        int width = b.Length + 1;
        // Three rolling rows: the swap rule looks two rows back.
        Span<int> prevPrev = width <= 64 ? stackalloc int[width] : new int[width];
        Span<int> prev = width <= 64 ? stackalloc int[width] : new int[width];
        Span<int> current = width <= 64 ? stackalloc int[width] : new int[width];
        for (int j = 0; j < width; j++) prev[j] = j;

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j < width; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int best = Math.Min(Math.Min(prev[j] + 1, current[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, prevPrev[j - 2] + 1);
                current[j] = best;
                if (best < rowMin) rowMin = best;
            }
            if (rowMin > limit) return limit + 1;
            Span<int> recycled = prevPrev;
            prevPrev = prev;
            prev = current;
            current = recycled;
        }
        return prev[width - 1];
    }
}
