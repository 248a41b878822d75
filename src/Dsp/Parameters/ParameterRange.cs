using System.Globalization;

namespace Mixwright.Dsp.Parameters;

/// <summary>
/// The allowed span of one console parameter. Declared once in <see cref="ConsoleRanges"/> and used by
/// validation, the agent's tools and the prompts, so a range can never disagree between them.
/// </summary>
public sealed record ParameterRange(string Name, double Min, double Max, double Default, string Unit, string Meaning)
{
    public bool Contains(double value) => !double.IsNaN(value) && value >= Min && value <= Max;

    public double Clamp(double value) => double.IsNaN(value) ? Default : Math.Clamp(value, Min, Max);

    /// <summary>Throws a message that names the parameter and its allowed range; returns the value otherwise.</summary>
    public double Validate(double value, string? context = null)
    {
        if (Contains(value)) return value;
        string where = context is null ? Name : $"{context}: {Name}";
        throw new ParameterOutOfRangeException(this,
            $"{where} must be between {Format(Min)} and {Format(Max)}{UnitSuffix} (got {Format(value)}).");
    }

    /// <summary>Human text such as "-48 to +24 dB".</summary>
    public string Describe() => $"{Format(Min)} to {Format(Max)}{UnitSuffix}";

    private string UnitSuffix => Unit.Length == 0 ? "" : " " + Unit;

    private static string Format(double v) =>
        double.IsNaN(v) ? "NaN" : (v > 0 && v < 1e9 ? "+" : "") + v.ToString("0.###", CultureInfo.InvariantCulture);
}

public sealed class ParameterOutOfRangeException(ParameterRange range, string message) : ArgumentException(message)
{
    public ParameterRange Range { get; } = range;
}
