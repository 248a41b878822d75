namespace Mixwright.Dsp.Parameters;

/// <summary>The one shared reverb bus: tracks send to it, its return goes to the master.</summary>
public sealed record ReverbSettings
{
    public double ReturnDb { get; init; } = ConsoleRanges.ReverbReturnDb.Default;
    public double DecayS { get; init; } = ConsoleRanges.ReverbDecayS.Default;
    public double PreDelayMs { get; init; } = ConsoleRanges.ReverbPreDelayMs.Default;
    public double Damping { get; init; } = ConsoleRanges.ReverbDamping.Default;

    public static ReverbSettings Default { get; } = new();

    public ReverbSettings Validated()
    {
        ConsoleRanges.ReverbReturnDb.Validate(ReturnDb, "reverb");
        ConsoleRanges.ReverbDecayS.Validate(DecayS, "reverb");
        ConsoleRanges.ReverbPreDelayMs.Validate(PreDelayMs, "reverb");
        ConsoleRanges.ReverbDamping.Validate(Damping, "reverb");
        return this;
    }
}
