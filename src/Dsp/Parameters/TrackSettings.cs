namespace Mixwright.Dsp.Parameters;

/// <summary>
/// One channel strip. Signal order: gain and polarity, high-pass, EQ, compressor, pan/width, mute;
/// the reverb send is taken post-fader (after pan, before mute), like a DAW's default send.
/// </summary>
public sealed record TrackSettings
{
    public double GainDb { get; init; } = ConsoleRanges.GainDb.Default;
    public bool InvertPolarity { get; init; }
    /// <summary>Flips the right channel only, for a stereo stem whose channels cancel in mono; no effect on mono stems.</summary>
    public bool InvertRightPolarity { get; init; }
    public HighPassSettings HighPass { get; init; } = HighPassSettings.Off;
    public ParametricEqSettings Eq { get; init; } = ParametricEqSettings.Flat;
    public CompressorSettings Compressor { get; init; } = CompressorSettings.Off;
    /// <summary>Constant-power pan for mono stems, balance for stereo stems.</summary>
    public double Pan { get; init; } = ConsoleRanges.Pan.Default;
    /// <summary>Mid/side width; only acts on stereo stems.</summary>
    public double Width { get; init; } = ConsoleRanges.Width.Default;
    public double ReverbSendDb { get; init; } = ConsoleRanges.ReverbSendDb.Default;
    public bool Mute { get; init; }
    public bool Solo { get; init; }

    public static TrackSettings Default { get; } = new();

    public TrackSettings Validated(string track)
    {
        ConsoleRanges.GainDb.Validate(GainDb, track);
        ConsoleRanges.Pan.Validate(Pan, track);
        ConsoleRanges.Width.Validate(Width, track);
        ConsoleRanges.ReverbSendDb.Validate(ReverbSendDb, track);
        HighPass.Validated(track);
        Compressor.Validated(track);
        // The EQ validates itself on construction.
        return this;
    }
}
