namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Lawson and Hanson's active-set solver for min |A x - b|² with x ≥ 0, on the normal equations (AᵀA, Aᵀb) so a
/// fit over thousands of time-frequency rows costs one pass to accumulate and then only n×n work. Stem levels are
/// energies, so they cannot be negative: a stem the reference lacks comes out exactly 0 instead of a negative
/// "anti-stem" cancelling another.
/// </summary>
public static class NonNegativeLeastSquares
{
    /// <summary>Solves from the Gram matrix <paramref name="ata"/> (n×n, symmetric) and <paramref name="atb"/> (n).</summary>
    public static double[] Solve(double[,] ata, double[] atb, int maxIterations = 0)
    {
        int n = atb.Length;
        if (ata.GetLength(0) != n || ata.GetLength(1) != n) throw new ArgumentException("The Gram matrix must be n×n for n right-hand values.");
        if (maxIterations <= 0) maxIterations = 30 * Math.Max(1, n);
        var x = new double[n];
        var passive = new bool[n];
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(ata[i, i]));
        double tolerance = 1e-12 * Math.Max(scale, 1e-300);
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            // Gradient of -½|Ax-b|²: w = Aᵀb - AᵀA x. The most promising zero-bound variable joins the passive set.
            int best = -1;
            double bestW = tolerance;
            for (int i = 0; i < n; i++)
            {
                if (passive[i]) continue;
                double w = atb[i];
                for (int j = 0; j < n; j++) w -= ata[i, j] * x[j];
                if (w > bestW) (best, bestW) = (i, w);
            }
            if (best < 0) break;
            passive[best] = true;
            while (true)
            {
                var z = SolvePassive(ata, atb, passive);
                bool feasible = true;
                for (int i = 0; i < n; i++) if (passive[i] && z[i] <= 0) feasible = false;
                if (feasible)
                {
                    x = z;
                    break;
                }
                // Step from x toward z only as far as the first passive variable reaching zero, and drop it.
                double alpha = double.PositiveInfinity;
                for (int i = 0; i < n; i++)
                    if (passive[i] && z[i] <= 0) alpha = Math.Min(alpha, x[i] / (x[i] - z[i]));
                for (int i = 0; i < n; i++)
                {
                    x[i] += alpha * (z[i] - x[i]);
                    if (passive[i] && x[i] <= tolerance) { passive[i] = false; x[i] = 0; }
                }
                if (!passive.Any(p => p)) break;
            }
        }
        return x;
    }

    /// <summary>The unconstrained least-squares solution over the passive variables (others 0), by Cholesky with a tiny ridge.</summary>
    private static double[] SolvePassive(double[,] ata, double[] atb, bool[] passive)
    {
        int n = atb.Length;
        var index = Enumerable.Range(0, n).Where(i => passive[i]).ToArray();
        int m = index.Length;
        var l = new double[m, m];
        var y = new double[m];
        for (int a = 0; a < m; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double sum = ata[index[a], index[b]];
                if (a == b) sum += 1e-12 * Math.Abs(ata[index[a], index[a]]) + 1e-300;
                for (int k = 0; k < b; k++) sum -= l[a, k] * l[b, k];
                l[a, b] = a == b ? Math.Sqrt(Math.Max(sum, 1e-300)) : sum / l[b, b];
            }
        }
        for (int a = 0; a < m; a++)
        {
            double sum = atb[index[a]];
            for (int k = 0; k < a; k++) sum -= l[a, k] * y[k];
            y[a] = sum / l[a, a];
        }
        var solution = new double[m];
        for (int a = m - 1; a >= 0; a--)
        {
            double sum = y[a];
            for (int k = a + 1; k < m; k++) sum -= l[k, a] * solution[k];
            solution[a] = sum / l[a, a];
        }
        var z = new double[n];
        for (int a = 0; a < m; a++) z[index[a]] = solution[a];
        return z;
    }
}
