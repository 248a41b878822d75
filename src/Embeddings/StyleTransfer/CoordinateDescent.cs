namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// The derivative-free coordinate descent the optimize baseline and the model's refinement share: a sweep tries
/// each coordinate a step up, then down, keeps the first that lowers the objective and halves the step where
/// neither does. What a step costs (a render, or an estimate) is the caller's.
/// </summary>
internal static class CoordinateDescent
{
    /// <summary>
    /// One sweep. <paramref name="set"/> writes a value (into <paramref name="x"/> and whatever the objective
    /// reads), <paramref name="objective"/> scores the current values, <paramref name="best"/> is the score to
    /// beat and is lowered as moves are kept. <paramref name="stop"/>, when given, ends the sweep early (checked
    /// before every coordinate and every trial). Returns false when every step has fallen below its minimum.
    /// </summary>
    public static bool Sweep(IReadOnlyList<Coordinate> coordinates, double[] x, double[] steps, Func<int, (double Lo, double Hi)> bounds,
        Action<int, double> set, Func<double> objective, ref double best, Func<bool>? stop = null)
    {
        bool active = false;
        for (int i = 0; i < coordinates.Count; i++)
        {
            if (stop?.Invoke() == true) break;
            if (steps[i] < coordinates[i].MinStep) continue;
            active = true;
            var (lo, hi) = bounds(i);
            bool moved = false;
            foreach (int sign in (ReadOnlySpan<int>)[1, -1])
            {
                double value = Math.Clamp(x[i] + sign * steps[i], lo, hi);
                if (value == x[i] || stop?.Invoke() == true) continue;
                double old = x[i];
                set(i, value);
                double trial = objective();
                if (trial < best)
                {
                    best = trial;
                    moved = true;
                    break;
                }
                set(i, old);
            }
            if (!moved) steps[i] /= 2;
        }
        return active;
    }
}
