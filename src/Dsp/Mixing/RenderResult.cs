using Mixwright.Dsp.Analysis;

namespace Mixwright.Dsp.Mixing;

/// <summary>What a render produced, measured on the file as written.</summary>
public sealed record RenderResult(
    string OutputPath,
    AnalysisReport Analysis,
    double DurationSeconds,
    double ElapsedSeconds,
    double? NormalisationGainDb,
    IReadOnlyDictionary<string, double> TrackGainReductionDb,
    double MasterGainReductionDb,
    double LimiterGainReductionDb)
{
    public double RealTimeFactor => ElapsedSeconds > 0 ? DurationSeconds / ElapsedSeconds : double.PositiveInfinity;
}
