namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>The reference feature a parameter was set to match.</summary>
public enum DriverFeature
{
    /// <summary>Overall level (RMS, dB).</summary>
    Rms,
    /// <summary>Peak over RMS (dB): how punchy or squashed the mix is.</summary>
    Crest,
    /// <summary>Side-to-mid energy ratio.</summary>
    Width,
    /// <summary>Right-minus-left over right-plus-left energy.</summary>
    Imbalance,
    /// <summary>The mid (L+R) channel's level in a frequency region (Bark bands, dB).</summary>
    BarkMid,
    /// <summary>The side (L-R) channel's level in a frequency region (Bark bands, dB).</summary>
    BarkSide,
    /// <summary>Not a reference feature: the equal-loudness rule of the loudness method.</summary>
    EqualLoudness,
}

/// <summary>
/// Why one matched parameter has its value: the reference feature that drove it, the reference's value of that
/// feature against the mix's value without this move (so <see cref="Gap"/> is what the move answers), the
/// frequency region for spectral features, how much of the feature loss the move removes, and one sentence.
/// </summary>
/// <param name="Target">A track name, or <see cref="MasterTarget"/>.</param>
/// <param name="Parameter">The console's dotted parameter name: gain_db, pan, reverb_send_db, eq.band3.gain_db,
/// compressor.ratio, output_gain_db, ...</param>
public sealed record ParameterDriver(
    string Target,
    string Parameter,
    double Value,
    DriverFeature Feature,
    double ReferenceValue,
    double MixValue,
    double? LowHz,
    double? HighHz,
    double Contribution,
    string Sentence)
{
    public const string MasterTarget = "master";

    public bool IsMaster => Target == MasterTarget;

    /// <summary>Reference minus mix: positive when the reference has more of the feature.</summary>
    public double Gap => ReferenceValue - MixValue;
}
