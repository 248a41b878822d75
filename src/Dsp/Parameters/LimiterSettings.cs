namespace Mixwright.Dsp.Parameters;

/// <summary>True-peak limiter: the ceiling is in dBTP, measured on the 4x oversampled signal.</summary>
public sealed record LimiterSettings(bool Enabled, double CeilingDbtp, double ReleaseMs)
{
    public static LimiterSettings Default { get; } = new(true, ConsoleRanges.CeilingDbtp.Default, ConsoleRanges.LimiterReleaseMs.Default);

    public LimiterSettings Validated()
    {
        ConsoleRanges.CeilingDbtp.Validate(CeilingDbtp, "master limiter");
        ConsoleRanges.LimiterReleaseMs.Validate(ReleaseMs, "master limiter");
        return this;
    }
}
