using Mixwright.Embeddings.Descriptors;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>What one clause asks for, before it is bound to tracks and turned into tool calls.</summary>
internal abstract record ChangeIntent;

/// <summary>Level: Sign +1 louder / -1 quieter, scaled by intensity unless the user gave dB.</summary>
internal sealed record LevelIntent(int Sign, double Intensity, double? DeltaDb = null, double? AbsoluteDb = null) : ChangeIntent;

internal sealed record PanIntent(double? Absolute, double? Delta) : ChangeIntent;

/// <summary>"Pan the guitars apart": the targets alternate left and right by this much.</summary>
internal sealed record PanSpreadIntent(double Amount) : ChangeIntent;

internal sealed record WidthIntent(double? Absolute, double? Delta) : ChangeIntent;

internal sealed record ReverbIntent(int Sign, double Intensity, double? DeltaDb = null, double? AbsoluteDb = null, bool Off = false) : ChangeIntent;

internal sealed record DecayIntent(int Sign, double Intensity, double? AbsoluteS = null) : ChangeIntent;

internal sealed record CompressionIntent(int Sign, double Intensity, bool? Enabled = null, double? ThresholdDb = null, double? Ratio = null,
    double? AttackMs = null, double? ReleaseMs = null, double? MakeupDb = null) : ChangeIntent
{
    public bool HasExplicitSettings => ThresholdDb is not null || Ratio is not null || AttackMs is not null || ReleaseMs is not null || MakeupDb is not null;
}

/// <summary>An EQ move the user spelled out ("cut 300 Hz by 3 dB"). Type is a set_eq_band type name.</summary>
internal sealed record EqIntent(string Type, double FreqHz, double? DeltaDb, double? Q) : ChangeIntent;

internal sealed record ResetEqIntent : ChangeIntent;

/// <summary>A descriptor word: more of it, or less when <see cref="Negate"/>. ExplicitDb is set for a region with a dB amount.</summary>
internal sealed record DescriptorIntent(Descriptor Descriptor, bool Negate, double Intensity, double? ExplicitDb = null) : ChangeIntent;

internal sealed record MuteIntent(bool Mute) : ChangeIntent;

internal sealed record SoloIntent(bool Solo) : ChangeIntent;

/// <summary>Master-only settings: a loudness target or a limiter ceiling.</summary>
internal sealed record MasterIntent(double? LoudnessLufs, double? CeilingDbtp) : ChangeIntent;

/// <summary>The user praised a quality ("the kick sounds punchy"): nothing to change.</summary>
internal sealed record PraiseIntent(string Word) : ChangeIntent;
