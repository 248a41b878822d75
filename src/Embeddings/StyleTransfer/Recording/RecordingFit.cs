using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>How a stem was found in a same-recording reference.</summary>
public enum StemPresence
{
    /// <summary>Heard in the reference: its level, pan and EQ come from the fit.</summary>
    Present,
    /// <summary>Plays where the reference overlaps the stems, yet the reference has no trace of it: it goes off.</summary>
    Absent,
    /// <summary>Silent where the reference overlaps the stems: nothing to measure, its strip is kept.</summary>
    Unheard,
}

/// <summary>
/// One stem's strip solved from a same-recording reference. <see cref="LevelDb"/> is the gain that puts the stem
/// at the level it has in the reference; <see cref="ShareDb"/> is its fitted energy against the reference's over
/// the frames it plays in; <see cref="EqBandGainsDb"/> the EQ band gains the residual asked for (all 0 when none).
/// </summary>
public sealed record StemFitTrack(
    string Name,
    StemPresence Presence,
    TrackSettings Settings,
    double LevelDb,
    double Pan,
    double ShareDb,
    IReadOnlyList<double> EqBandGainsDb,
    double LeftDb,
    double RightDb,
    bool Stereo);

/// <summary>
/// The console solved from a reference that is a mix of the stems: the alignment, every stem's strip, and how
/// well the fit explains the reference: per band of <see cref="BandEnergies"/> the RMS over frames of the
/// fitted-over-reference level in dB, and their energy-weighted mean (<see cref="ResidualDb"/>;
/// <see cref="ResidualBeforeEqDb"/> is the same with levels and pans only).
/// </summary>
public sealed record RecordingFit(
    RecordingAlignment Alignment,
    IReadOnlyList<StemFitTrack> Tracks,
    IReadOnlyList<double> BandResidualDb,
    double ResidualDb,
    double ResidualBeforeEqDb,
    bool MonoReference,
    double OverlapSeconds)
{
    /// <summary>Solved on the complex spectrogram (a sample-aligned bounce) rather than on band energies.</summary>
    public bool Coherent { get; init; }

    public static double BandLowHz(int b) => BandEnergies.EdgeHz(b);
    public static double BandHighHz(int b) => BandEnergies.EdgeHz(b + 1);
}
