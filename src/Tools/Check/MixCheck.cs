using Mixwright.Tools.Session;

namespace Mixwright.Tools.Check;

/// <summary>
/// "What's wrong with my mix?": measures the session once (<see cref="CheckMeasurer"/>) and runs every finding
/// rule over the measurements, then ranks the findings: high before medium before low, and within a severity the
/// one furthest past its threshold first. Every rule decides from measurement (levels, spectra, correlation,
/// samples); roles only say where a part belongs in the balance and which words describe it.
/// </summary>
public static class MixCheck
{
    public static MixCheckReport Run(MixSession session, string cacheDirectory, DeliveryTarget? target = null, ConsoleState? state = null, int? maxParallelism = null)
    {
        var measurements = CheckMeasurer.Measure(session, cacheDirectory, state, maxParallelism);
        return Evaluate(session, measurements, target ?? DeliveryTarget.Default);
    }

    public static MixCheckReport Evaluate(MixSession session, MixMeasurements measurements, DeliveryTarget target)
    {
        var context = new CheckContext(session, measurements, target);
        var findings = new List<CheckFinding>();
        findings.AddRange(LevelFindings.Find(context));
        findings.AddRange(MaskingFindings.Find(context));
        findings.AddRange(ToneFindings.Find(context));
        findings.AddRange(PhaseFindings.Find(context));
        findings.AddRange(ClippingFindings.Find(context));
        findings.AddRange(LoudnessFindings.Find(context));
        findings.AddRange(DynamicsFindings.Find(context));
        findings.AddRange(ImbalanceFindings.Find(context));
        var ranked = findings.OrderBy(f => f.Severity).ThenByDescending(f => f.Score).ToList();
        return new MixCheckReport(ranked, measurements, target);
    }
}
