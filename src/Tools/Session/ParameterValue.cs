using System.Globalization;

namespace Mixwright.Tools.Session;

public enum ParameterValueKind { Number, Flag, Off }

/// <summary>
/// A console value as it travels through proposals and history: a number, an on/off flag, or "off" for
/// settings that can be absent (the master loudness target).
/// </summary>
public readonly record struct ParameterValue(ParameterValueKind Kind, double Number, bool Flag)
{
    public static ParameterValue Of(double number) => new(ParameterValueKind.Number, number, false);
    public static ParameterValue Of(bool flag) => new(ParameterValueKind.Flag, 0, flag);
    public static ParameterValue Off { get; } = new(ParameterValueKind.Off, 0, false);

    /// <summary>Human text with the unit: "+3 dB", "-0.5", "on", "off".</summary>
    public string Display(string unit) => Kind switch
    {
        ParameterValueKind.Flag => Flag ? "on" : "off",
        ParameterValueKind.Off => "off",
        _ => FormatNumber(Number, unit),
    };

    public static string FormatNumber(double value, string unit)
    {
        bool signed = unit is "dB" or "dBFS" or "dBTP" or "LU" || unit.Length == 0;
        string text = value.ToString("0.##", CultureInfo.InvariantCulture);
        if (signed && value > 0) text = "+" + text;
        return unit.Length == 0 ? text : unit == ":1" ? text + ":1" : text + " " + unit;
    }

    public override string ToString() => Display("");
}
