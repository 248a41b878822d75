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
    /// <summary>The stem's level, pan or band level fitted in a reference that is a mix of the stems (Recording.StemConsoleFit).</summary>
    StemFit,
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

    /// <summary>The measurement behind the driver as data in words, e.g. "side channel 4.2 kHz to 20 kHz: reference -38.2 dB, mix without this change -41.3 dB".</summary>
    public string Measurement
    {
        get
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            string Pair(string format, string unit) =>
                $"reference {ReferenceValue.ToString(format, inv)}{unit}, mix without this change {MixValue.ToString(format, inv)}{unit}";
            string Region() => LowHz is double lo && HighHz is double hi
                ? (Math.Abs(hi - lo) < 1e-9 ? $"at {DriverSentences.Hz(lo)}" : $"{DriverSentences.Hz(lo)} to {DriverSentences.Hz(hi)}")
                : "";
            return Feature switch
            {
                DriverFeature.Rms => "RMS: " + Pair("0.0", " dBFS"),
                DriverFeature.Crest => "crest factor: " + Pair("0.0", " dB"),
                DriverFeature.Width => "side/mid energy: " + Pair("0.00", ""),
                DriverFeature.Imbalance => "left/right imbalance: " + Pair("+0.00;-0.00;0.00", ""),
                DriverFeature.BarkMid => $"mid channel {Region()}: " + Pair("0.0", " dB"),
                DriverFeature.BarkSide => $"side channel {Region()}: " + Pair("0.0", " dB"),
                DriverFeature.StemFit => "fit to the aligned reference: " + Pair("0.0#", ""),
                _ => $"stem {MixValue.ToString("0.0", inv)} LUFS, every stem brought to {ReferenceValue.ToString("0.0", inv)} LUFS",
            };
        }
    }
}
