namespace Mixwright.Assistant.Agent;

/// <summary>
/// How big a move the interpreter proposes when the user gives no number, as a function of intensity
/// (0.33 "slightly", 0.6 unmarked, 1 "a lot"). Steps are rounded so proposals read as round numbers.
/// </summary>
public static class InterpreterDefaults
{
    /// <summary>
    /// The intensity of a request with no qualifier ("more reverb"): the tools' own default for an unqualified
    /// descriptor, so the interpreter and a language model mean the same by "more".
    /// </summary>
    public const double UnmarkedIntensity = Mixwright.Tools.Plugin.DescriptorRequest.DefaultIntensity;

    /// <summary>Gain change: 1.5 dB slightly, 2.5 dB unmarked, 4 dB a lot.</summary>
    public static double GainStepDb(double intensity) => RoundTo(4 * intensity, 0.5);

    /// <summary>Reverb send change: 2 dB slightly, 3.5 dB unmarked, 6 dB a lot.</summary>
    public static double ReverbStepDb(double intensity) => RoundTo(6 * intensity, 0.5);

    /// <summary>EQ boost or cut when the user names a frequency but no amount.</summary>
    public static double EqStepDb(double intensity) => RoundTo(6 * intensity, 0.5);

    public static double NotchDb(double intensity) => RoundTo(Math.Max(6, 10 * intensity), 0.5);
    public const double NotchQ = 8;
    public const double EqQ = 1.4;
    public const double HighPassHz = 100;
    /// <summary>The console has no low-pass: "low pass" becomes a high shelf cut from here.</summary>
    public const double LowPassHz = 8000;

    /// <summary>Relative pan move ("a little left"): 0.15 slightly, 0.3 unmarked, 0.5 a lot.</summary>
    public static double PanStep(double intensity) => RoundTo(0.5 * intensity, 0.05);
    /// <summary>"Pan it left" with no amount.</summary>
    public const double DefaultPan = 0.5;
    public const double FarPan = 0.8;
    /// <summary>"Pan the guitars apart": each goes this far to its side.</summary>
    public const double SpreadPan = 0.6;

    /// <summary>
    /// set_compressor steps for "more"/"less compression": one step unmarked (0.6), about half a step
    /// "slightly", 1.7 steps "a lot". Negative for less.
    /// </summary>
    public static double CompressionSteps(int sign, double intensity) => Math.Round(Math.Sign(sign == 0 ? 1 : sign) * intensity / UnmarkedIntensity, 2);

    /// <summary>Reverb decay change ("longer reverb"), seconds.</summary>
    public static double DecayStepS(double intensity) => RoundTo(1.2 * intensity, 0.1);

    /// <summary>Rounds to a multiple of step; the final rounding removes binary noise (0.6, not 0.6000000000000001).</summary>
    public static double RoundTo(double value, double step) => Math.Round(Math.Round(value / step, MidpointRounding.AwayFromZero) * step, 10);
}
