using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// One output tensor of the style-transfer model: its name, the <see cref="ConsoleRanges"/> range its values lie
/// in, whether it has a value per track ([1, T] or [1, T, Width]) or one for the master ([1] or [1, Width]).
/// The training side declares the same list (training/params.py) and exports it into console_ranges.json;
/// <see cref="ConsoleRangesDocument"/> checks the two agree before a model is used.
/// </summary>
public sealed record ModelOutputSpec(string Name, ParameterRange Range, bool PerTrack, int Width)
{
    public int ValuesPer => Math.Max(1, Width);

    /// <summary>The ConsoleRanges field holding <see cref="Range"/> (the name the exported contract uses).</summary>
    public string RangeField => ConsoleRangesDocument.FieldName(Range);

    public const string GainDb = "gain_db";
    public const string Pan = "pan";
    public const string EqGainDb = "eq_gain_db";
    public const string EqFreqHz = "eq_freq_hz";
    public const string EqQ = "eq_q";
    public const string CompThresholdDb = "comp_threshold_db";
    public const string CompRatio = "comp_ratio";
    public const string CompAttackMs = "comp_attack_ms";
    public const string CompReleaseMs = "comp_release_ms";
    public const string CompKneeDb = "comp_knee_db";
    public const string CompMakeupDb = "comp_makeup_db";
    public const string ReverbSendDb = "reverb_send_db";
    public const string MasterPrefix = "master_";
    public const string MasterGainDb = "master_gain_db";

    private static readonly int Bands = ParametricEqSettings.BandCount;

    /// <summary>Every output, per-track ones first, in the model's output order.</summary>
    public static IReadOnlyList<ModelOutputSpec> All { get; } =
    [
        new(GainDb, ConsoleRanges.GainDb, true, 0),
        new(Pan, ConsoleRanges.Pan, true, 0),
        new(EqGainDb, ConsoleRanges.EqGainDb, true, Bands),
        new(EqFreqHz, ConsoleRanges.EqFrequencyHz, true, Bands),
        new(EqQ, ConsoleRanges.EqQ, true, Bands),
        new(CompThresholdDb, ConsoleRanges.ThresholdDb, true, 0),
        new(CompRatio, ConsoleRanges.Ratio, true, 0),
        new(CompAttackMs, ConsoleRanges.AttackMs, true, 0),
        new(CompReleaseMs, ConsoleRanges.ReleaseMs, true, 0),
        new(CompKneeDb, ConsoleRanges.KneeDb, true, 0),
        new(CompMakeupDb, ConsoleRanges.MakeupDb, true, 0),
        new(ReverbSendDb, ConsoleRanges.ReverbSendDb, true, 0),
        new(MasterPrefix + EqGainDb, ConsoleRanges.EqGainDb, false, Bands),
        new(MasterPrefix + EqFreqHz, ConsoleRanges.EqFrequencyHz, false, Bands),
        new(MasterPrefix + EqQ, ConsoleRanges.EqQ, false, Bands),
        new(MasterPrefix + CompThresholdDb, ConsoleRanges.ThresholdDb, false, 0),
        new(MasterPrefix + CompRatio, ConsoleRanges.Ratio, false, 0),
        new(MasterPrefix + CompAttackMs, ConsoleRanges.AttackMs, false, 0),
        new(MasterPrefix + CompReleaseMs, ConsoleRanges.ReleaseMs, false, 0),
        new(MasterPrefix + CompKneeDb, ConsoleRanges.KneeDb, false, 0),
        new(MasterPrefix + CompMakeupDb, ConsoleRanges.MakeupDb, false, 0),
        new(MasterGainDb, ConsoleRanges.OutputGainDb, false, 0),
    ];

    public static ModelOutputSpec Get(string name) =>
        All.FirstOrDefault(o => o.Name == name) ?? throw new ArgumentException($"The style-transfer model has no output \"{name}\".", nameof(name));
}
