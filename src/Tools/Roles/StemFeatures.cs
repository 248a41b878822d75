using System.Globalization;
using Mixwright.Tools.Engine;

namespace Mixwright.Tools.Roles;

/// <summary>
/// The few spectral and temporal numbers that tell roles apart when the name does not: where the energy
/// sits (centroid, share below 250 Hz), how spiky it is (crest) and how often notes or hits start.
/// </summary>
public sealed record StemFeatures(double CentroidHz, double LowEnergyRatio, double CrestDb, double? OnsetRatePerSecond)
{
    /// <summary>Derives the features from a stem's analysis; null for silence or a missing octave spectrum.</summary>
    public static StemFeatures? From(AnalysisSummary analysis)
    {
        if (analysis.IsSilent) return null;
        double total = 0, weighted = 0, low = 0;
        for (int i = 0; i < OctaveBands.Labels.Count; i++)
        {
            if (!analysis.OctaveDb.TryGetValue(OctaveBands.Labels[i], out double db) || !double.IsFinite(db)) continue;
            double power = Math.Pow(10, db / 10);
            double f = OctaveBands.CentresHz[i];
            total += power;
            weighted += power * f;
            if (f <= OctaveBands.LowEnergyLimitHz) low += power;
        }
        if (total <= 0) return null;
        return new StemFeatures(weighted / total, low / total, analysis.CrestDb, analysis.OnsetRatePerSecond);
    }

    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        string onsets = OnsetRatePerSecond is double o ? string.Format(c, ", {0:0.#} onsets/s", o) : "";
        return string.Format(c, "centroid {0:0} Hz, {1:0}% of energy below {2:0} Hz, crest {3:0.#} dB{4}",
            CentroidHz, LowEnergyRatio * 100, OctaveBands.LowEnergyLimitHz, CrestDb, onsets);
    }
}
