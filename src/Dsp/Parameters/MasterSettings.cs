namespace Mixwright.Dsp.Parameters;

/// <summary>Master bus, in signal order: EQ, glue compressor, output gain, loudness normalisation, limiter.</summary>
public sealed record MasterSettings
{
    public ParametricEqSettings Eq { get; init; } = ParametricEqSettings.Flat;
    public CompressorSettings Compressor { get; init; } = CompressorSettings.Off;
    public double OutputGainDb { get; init; } = ConsoleRanges.OutputGainDb.Default;
    public LimiterSettings Limiter { get; init; } = LimiterSettings.Default;
    /// <summary>Null: no normalisation. Otherwise the integrated loudness the render is brought to.</summary>
    public double? LoudnessTargetLufs { get; init; }

    public static MasterSettings Default { get; } = new();

    public MasterSettings Validated()
    {
        Compressor.Validated("master");
        ConsoleRanges.OutputGainDb.Validate(OutputGainDb, "master");
        Limiter.Validated();
        if (LoudnessTargetLufs is double t) ConsoleRanges.LoudnessTargetLufs.Validate(t, "master");
        return this;
    }
}
