namespace Mixwright.Tools.Engine;

/// <summary>
/// The measurements of one stem or one mix that the tools use. It is what the engine's analyzer reports,
/// reduced to what a session needs, and what the per-stem sidecar cache stores.
/// </summary>
public sealed record AnalysisSummary
{
    /// <summary>EBU R128 integrated loudness; negative infinity for silence.</summary>
    public required double IntegratedLufs { get; init; }
    public required double LoudnessRangeLu { get; init; }
    public required double TruePeakDbtp { get; init; }
    public required double SamplePeakDbfs { get; init; }
    public required double RmsDbfs { get; init; }
    /// <summary>Peak to RMS, in dB: high for drums, low for pads and dense guitars.</summary>
    public required double CrestDb { get; init; }
    /// <summary>Side to mid energy ratio, 0 for mono.</summary>
    public required double StereoWidth { get; init; }
    /// <summary>(E_R - E_L) / (E_R + E_L), Diff-MST's measure: -1 all left, 0 balanced, +1 all right.</summary>
    public required double StereoImbalance { get; init; }
    /// <summary>Level per octave band, keyed by <see cref="OctaveBands.Labels"/>.</summary>
    public required IReadOnlyDictionary<string, double> OctaveDb { get; init; }
    public required double DurationSeconds { get; init; }
    /// <summary>The file's native sample rate.</summary>
    public required int SampleRate { get; init; }
    public required int ChannelCount { get; init; }
    /// <summary>Note or hit onsets per second, when the analyzer measures it.</summary>
    public double? OnsetRatePerSecond { get; init; }

    /// <summary>Below the EBU R128 absolute gate: nothing to balance or classify.</summary>
    public bool IsSilent => double.IsNegativeInfinity(IntegratedLufs) || double.IsNaN(IntegratedLufs) || IntegratedLufs < -70;
}
