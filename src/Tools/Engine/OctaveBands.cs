namespace Mixwright.Tools.Engine;

/// <summary>
/// The ten octave bands that every per-frequency number in the tools is reported on (EQ response, octave
/// levels): the analysis's bands (<see cref="Dsp.Analysis.OctaveBands"/>), whose labels are the nominal names
/// people use and whose centres are exact powers of two around 1 kHz.
/// </summary>
public static class OctaveBands
{
    public static IReadOnlyList<string> Labels => Dsp.Analysis.OctaveBands.Labels;

    public static IReadOnlyList<double> CentresHz { get; } = Enumerable.Range(0, Labels.Count).Select(Dsp.Analysis.OctaveBands.CentreHz).ToArray();

    /// <summary>Bands whose centre is at or below this count as "low" energy for role features.</summary>
    public const double LowEnergyLimitHz = 250;
}
