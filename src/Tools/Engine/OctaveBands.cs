namespace Mixwright.Tools.Engine;

/// <summary>
/// The ten octave bands that every per-frequency number in the tools is reported on (EQ response, octave
/// levels). Labels are the nominal names people use; centres are exact powers of two around 1 kHz.
/// </summary>
public static class OctaveBands
{
    public static IReadOnlyList<string> Labels { get; } = ["31", "63", "125", "250", "500", "1000", "2000", "4000", "8000", "16000"];

    public static IReadOnlyList<double> CentresHz { get; } = Enumerable.Range(0, 10).Select(i => 1000 * Math.Pow(2, i - 5)).ToArray();

    /// <summary>Bands whose centre is at or below this count as "low" energy for role features.</summary>
    public const double LowEnergyLimitHz = 250;
}
