namespace Mixwright.Dsp.Parameters;

public enum DetectorMode { Peak, Rms }

/// <summary>Feed-forward, soft-knee compressor. Levels are dBFS of the detector signal.</summary>
public sealed record CompressorSettings(
    bool Enabled,
    double ThresholdDb,
    double Ratio,
    double AttackMs,
    double ReleaseMs,
    double KneeDb,
    double MakeupDb,
    DetectorMode Detector = DetectorMode.Peak)
{
    public static CompressorSettings Off { get; } = new(false,
        ConsoleRanges.ThresholdDb.Default, ConsoleRanges.Ratio.Default, ConsoleRanges.AttackMs.Default,
        ConsoleRanges.ReleaseMs.Default, ConsoleRanges.KneeDb.Default, ConsoleRanges.MakeupDb.Default);

    public CompressorSettings Validated(string context)
    {
        ConsoleRanges.ThresholdDb.Validate(ThresholdDb, context);
        ConsoleRanges.Ratio.Validate(Ratio, context);
        ConsoleRanges.AttackMs.Validate(AttackMs, context);
        ConsoleRanges.ReleaseMs.Validate(ReleaseMs, context);
        ConsoleRanges.KneeDb.Validate(KneeDb, context);
        ConsoleRanges.MakeupDb.Validate(MakeupDb, context);
        return this;
    }
}
