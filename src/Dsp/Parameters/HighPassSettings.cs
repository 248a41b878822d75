namespace Mixwright.Dsp.Parameters;

/// <summary>A 12 dB/octave Butterworth high-pass, the usual first move on anything that is not a bass instrument.</summary>
public sealed record HighPassSettings(bool Enabled, double FrequencyHz)
{
    public static HighPassSettings Off { get; } = new(false, ConsoleRanges.HighPassFrequencyHz.Default);

    public HighPassSettings Validated(string context)
    {
        ConsoleRanges.HighPassFrequencyHz.Validate(FrequencyHz, context);
        return this;
    }
}
