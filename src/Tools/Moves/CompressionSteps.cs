using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Moves;

/// <summary>
/// "More compression" and "less compression" as console settings. One step is a clear, audible change:
/// the threshold 4 dB lower and the ratio's excess over 1:1 half as large again (2:1 becomes 2.5:1). From
/// a bypassed compressor the first steps start from a setting that works on the track's measured level:
/// a threshold between its RMS and its peak, where only the louder passages are touched. Less compression
/// runs the same steps backwards and bypasses the compressor once the ratio is nearly 1:1.
/// </summary>
public static class CompressionSteps
{
    public const double ThresholdStepDb = 4;
    public const double RatioStepFactor = 1.5;
    /// <summary>
    /// At or below this ratio "less" switches the compressor off: one step back from the 2:1 that the
    /// first step switched on lands here, so more-then-less returns to where it started.
    /// </summary>
    public const double BypassRatio = 1.7;
    public const double MaxSteps = 3;

    /// <summary>
    /// The compressor after <paramref name="steps"/> (positive more, negative less, at most ±3).
    /// <paramref name="inputRmsDbfs"/> and <paramref name="inputPeakDbfs"/> are the levels arriving at the
    /// compressor (stem level plus gain); null when unknown (the master), which starts from the default threshold.
    /// </summary>
    public static CompressorSettings Apply(CompressorSettings current, double steps, double? inputRmsDbfs, double? inputPeakDbfs)
    {
        if (double.IsNaN(steps) || steps == 0 || Math.Abs(steps) > MaxSteps)
            throw new ArgumentException($"steps must be between -{MaxSteps} and +{MaxSteps} and not 0 (got {steps}).");
        if (steps < 0)
        {
            if (!current.Enabled) throw new InvalidOperationException("the compressor is already off");
            double ratio = 1 + (current.Ratio - 1) / Math.Pow(RatioStepFactor, -steps);
            double threshold = current.ThresholdDb + ThresholdStepDb * -steps;
            if (ratio <= BypassRatio || threshold >= ConsoleRanges.ThresholdDb.Max) return current with { Enabled = false };
            return current with { Ratio = RoundRatio(ratio), ThresholdDb = ClampThreshold(threshold) };
        }
        if (current.Enabled)
        {
            double ratio = 1 + (current.Ratio - 1) * Math.Pow(RatioStepFactor, steps);
            return current with
            {
                Ratio = RoundRatio(Math.Min(ratio, ConsoleRanges.Ratio.Max)),
                ThresholdDb = ClampThreshold(current.ThresholdDb - ThresholdStepDb * steps),
            };
        }
        // From off: a gentle 2:1 whose threshold sits between the track's RMS and its peaks, then the remaining steps.
        double start = inputRmsDbfs is double rms && double.IsFinite(rms)
            ? (inputPeakDbfs is double peak && double.IsFinite(peak) ? (rms + peak) / 2 : rms + 6)
            : ConsoleRanges.ThresholdDb.Default;
        var first = CompressorSettings.Off with { Enabled = true, Ratio = 2, ThresholdDb = ClampThreshold(start), AttackMs = 10, ReleaseMs = 120 };
        double rest = steps - 1;
        if (rest <= 0)
        {
            // A fraction of a step from off: a gentler first setting rather than nothing.
            double ratio = 1 + steps;
            return first with { Ratio = RoundRatio(Math.Max(ratio, BypassRatio + 0.1)), ThresholdDb = ClampThreshold(start + ThresholdStepDb * (1 - steps)) };
        }
        return Apply(first, rest, inputRmsDbfs, inputPeakDbfs);
    }

    private static double ClampThreshold(double db) => Math.Round(ConsoleRanges.ThresholdDb.Clamp(db), 1);

    private static double RoundRatio(double ratio) => Math.Round(ConsoleRanges.Ratio.Clamp(ratio), 2);
}
