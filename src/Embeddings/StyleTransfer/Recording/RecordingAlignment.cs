using System.Globalization;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Whether a reference is a mix of these very stems, and where they sit in it: the reference plays the stems'
/// frame <c>t</c> at its frame <c>t + <see cref="LagFrames"/></c> (at <see cref="SampleRate"/>).
/// <see cref="Confidence"/> is the share of the reference's level changes over time (10 ms envelope, mean
/// removed) that a non-negative mix of the stems' envelopes at that lag explains: about 1 for a mix of the stems,
/// near 0 for another song.
/// </summary>
public sealed record RecordingAlignment(bool SameRecording, double Confidence, int LagFrames, int SampleRate, string ReferenceName)
{
    /// <summary>Explained share from which a reference counts as a mix of the stems.</summary>
    public const double SameRecordingConfidence = 0.6;

    /// <summary>From this explained share a reference may still be a bounce of the stems whose parts double each other; the waveform decides (<see cref="CoherentStemFit.BounceErrorRatio"/>).</summary>
    public const double PossibleConfidence = 0.2;

    public double LagSeconds => (double)LagFrames / SampleRate;

    /// <summary>One sentence for the user either way.</summary>
    public string Message => SameRecording
        ? string.Create(CultureInfo.InvariantCulture,
            $"{ReferenceName} is a mix of these stems (aligned at {LagSeconds:+0.000;-0.000;0.000} s, confidence {Confidence:0.00}): the console is solved from the aligned signals.")
        : string.Create(CultureInfo.InvariantCulture,
            $"{ReferenceName} is not a mix of these stems (the best alignment explains {Math.Max(0, Confidence) * 100:0} % of its level changes, {SameRecordingConfidence * 100:0} % needed): its sound is matched instead.");
}
