using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// The six band gains of a parametric EQ (its bands' types, frequencies and Qs kept) whose response best follows a
/// curve in dB at <see cref="BandEnergies"/>' centres, weighted per point: a weighted least-squares fit with a small
/// ridge (no boost or cut that no point asks for), corrected twice through the real response since a band's shape
/// changes a little with its gain; gains within ±<see cref="ConsoleCoordinates.EqSearchDb"/>.
/// </summary>
public static class EqCurveFit
{
    private const double Ridge = 0.02;

    public static double[] Fit(ParametricEqSettings eq, IReadOnlyList<double> curveDb, IReadOnlyList<double> weight, int sampleRate)
    {
        int m = ParametricEqSettings.BandCount, points = curveDb.Count;
        var gains = new double[m];
        if (weight.Sum() <= 0) return gains;
        var flat = Flat(eq);
        for (int pass = 0; pass < 3; pass++)
        {
            // Basis: each band's response per dB of gain around the current gains.
            var current = With(flat, gains);
            var basis = new double[m][];
            for (int j = 0; j < m; j++)
            {
                var bumped = gains.ToArray();
                bumped[j] += 1;
                var withBump = With(flat, bumped);
                basis[j] = Enumerable.Range(0, points).Select(p =>
                    ParametricEq.ResponseDb(withBump, null, BandEnergies.CentreHz(p), sampleRate) - ParametricEq.ResponseDb(current, null, BandEnergies.CentreHz(p), sampleRate)).ToArray();
            }
            var residual = Enumerable.Range(0, points).Select(p => curveDb[p] - ParametricEq.ResponseDb(current, null, BandEnergies.CentreHz(p), sampleRate)).ToArray();
            var ata = new double[m, m];
            var atb = new double[m];
            double scale = 0;
            for (int p = 0; p < points; p++)
                for (int j = 0; j < m; j++)
                {
                    atb[j] += weight[p] * basis[j][p] * residual[p];
                    for (int k = 0; k < m; k++) ata[j, k] += weight[p] * basis[j][p] * basis[k][p];
                }
            for (int j = 0; j < m; j++) scale = Math.Max(scale, ata[j, j]);
            for (int j = 0; j < m; j++) { ata[j, j] += Ridge * scale + 1e-9; atb[j] -= Ridge * scale * gains[j]; }
            var delta = SolveSymmetric(ata, atb);
            for (int j = 0; j < m; j++) gains[j] = Math.Clamp(gains[j] + delta[j], -ConsoleCoordinates.EqSearchDb, ConsoleCoordinates.EqSearchDb);
        }
        return gains;
    }

    private static ParametricEqSettings Flat(ParametricEqSettings eq) => With(eq, new double[ParametricEqSettings.BandCount]);

    private static ParametricEqSettings With(ParametricEqSettings eq, IReadOnlyList<double> gains)
    {
        for (int b = 0; b < ParametricEqSettings.BandCount; b++) eq = eq.WithBand(b, eq.Bands[b] with { GainDb = gains[b] });
        return eq;
    }

    /// <summary>Gaussian elimination with partial pivoting (6×6).</summary>
    private static double[] SolveSymmetric(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (int c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }
            if (Math.Abs(m[col, col]) < 1e-15) continue;
            for (int r = col + 1; r < n; r++)
            {
                double factor = m[r, col] / m[col, col];
                for (int c = col; c < n; c++) m[r, c] -= factor * m[col, c];
                v[r] -= factor * v[col];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            if (Math.Abs(m[r, r]) < 1e-15) continue;
            double sum = v[r];
            for (int c = r + 1; c < n; c++) sum -= m[r, c] * x[c];
            x[r] = sum / m[r, r];
        }
        return x;
    }
}
