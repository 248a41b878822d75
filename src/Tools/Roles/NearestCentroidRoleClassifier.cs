using System.Globalization;

namespace Mixwright.Tools.Roles;

/// <summary>
/// Picks the role whose typical features are nearest. The prototypes are hand-set from how these sources
/// usually measure (a kick is nearly all energy below 250 Hz with a high crest; hats sit around 8 kHz with
/// many onsets; pads are dull, smooth and rarely start a note) — a rough fallback, not a trained model, so
/// a far match is reported as unknown and the user can always correct a role.
/// </summary>
public sealed class NearestCentroidRoleClassifier : IAudioRoleClassifier
{
    private sealed record Prototype(StemRole Role, double CentroidHz, double LowEnergyRatio, double CrestDb, double OnsetRate);

    private static readonly Prototype[] Prototypes =
    [
        new(StemRole.Kick, 120, 0.90, 16, 2.0),
        new(StemRole.Bass, 180, 0.85, 11, 3.0),
        new(StemRole.Snare, 1500, 0.25, 18, 2.0),
        new(StemRole.Hats, 8000, 0.02, 16, 6.0),
        new(StemRole.Overheads, 5000, 0.15, 20, 5.0),
        new(StemRole.Drums, 1500, 0.45, 19, 6.0),
        new(StemRole.Percussion, 4000, 0.05, 17, 5.0),
        new(StemRole.Vocals, 1500, 0.12, 14, 3.0),
        new(StemRole.ElectricGuitar, 1300, 0.20, 9, 4.0),
        new(StemRole.AcousticGuitar, 1800, 0.20, 14, 4.0),
        new(StemRole.Piano, 900, 0.30, 15, 3.0),
        new(StemRole.Strings, 1200, 0.20, 9, 1.0),
        new(StemRole.Synth, 2000, 0.15, 10, 4.0),
        new(StemRole.Pad, 700, 0.35, 7, 0.3),
    ];

    // One unit of distance: an octave of centroid, a fifth of the energy share, 4 dB of crest, a
    // 1.5-octave ratio of onset rates. Beyond MaxDistance no prototype is a credible match.
    private const double CentroidOctavesPerUnit = 1.0;
    private const double LowRatioPerUnit = 0.2;
    private const double CrestDbPerUnit = 4.0;
    private const double OnsetOctavesPerUnit = 1.5;
    private const double MaxDistance = 2.0;

    public RoleGuess Classify(StemFeatures features)
    {
        var ranked = Prototypes
            .Select(p => (p.Role, Distance: Distance(features, p)))
            .OrderBy(x => x.Distance)
            .ToArray();
        var (role, distance) = ranked[0];
        string measured = features.Describe();
        if (distance > MaxDistance)
            return RoleGuess.Unknown($"audio ({measured}) resembles no role closely");
        string runnerUp = ranked[1].Role.Words();
        return new RoleGuess(role, RoleSource.Audio, string.Format(CultureInfo.InvariantCulture,
            "audio: {0}; closest to {1} (distance {2:0.00}), next {3}", measured, role.Words(), distance, runnerUp));
    }

    private static double Distance(StemFeatures f, Prototype p)
    {
        double centroid = Math.Log2(Math.Max(f.CentroidHz, 1) / p.CentroidHz) / CentroidOctavesPerUnit;
        double low = (f.LowEnergyRatio - p.LowEnergyRatio) / LowRatioPerUnit;
        double crest = (f.CrestDb - p.CrestDb) / CrestDbPerUnit;
        double sum = centroid * centroid + low * low + crest * crest;
        int dimensions = 3;
        if (f.OnsetRatePerSecond is double rate)
        {
            // +0.25 keeps near-silent onset rates (pads) from dominating through the logarithm.
            double onset = Math.Log2((rate + 0.25) / (p.OnsetRate + 0.25)) / OnsetOctavesPerUnit;
            sum += onset * onset;
            dimensions++;
        }
        // Normalised per dimension so a missing onset rate does not make every match look closer.
        return Math.Sqrt(sum * 4 / dimensions);
    }
}
