namespace Mixwright.Dsp.Parameters;

/// <summary>Every console parameter's range, in one place.</summary>
public static class ConsoleRanges
{
    public static readonly ParameterRange GainDb = new("gain_db", -48, 24, 0, "dB", "track input gain");
    public static readonly ParameterRange Pan = new("pan", -1, 1, 0, "", "pan position, -1 hard left to +1 hard right");
    public static readonly ParameterRange Width = new("width", 0, 2, 1, "", "stereo width: 0 mono, 1 as recorded, 2 twice as wide");
    /// <summary>At its minimum the send is off.</summary>
    public static readonly ParameterRange ReverbSendDb = new("reverb_send_db", -80, 6, -80, "dB", "level sent to the shared reverb (-80 = off)");

    public static readonly ParameterRange HighPassFrequencyHz = new("high_pass_hz", 10, 1000, 20, "Hz", "high-pass filter cutoff");

    public static readonly ParameterRange EqFrequencyHz = new("freq_hz", 20, 20000, 1000, "Hz", "EQ band centre or corner frequency");
    public static readonly ParameterRange EqGainDb = new("gain_db", -24, 24, 0, "dB", "EQ band boost or cut");
    public static readonly ParameterRange EqQ = new("q", 0.1, 10, 0.707, "", "EQ band bandwidth (higher is narrower)");

    public static readonly ParameterRange ThresholdDb = new("threshold_db", -60, 0, -18, "dBFS", "compressor threshold");
    public static readonly ParameterRange Ratio = new("ratio", 1, 20, 4, ":1", "compression ratio");
    public static readonly ParameterRange AttackMs = new("attack_ms", 0.1, 200, 10, "ms", "compressor attack time");
    public static readonly ParameterRange ReleaseMs = new("release_ms", 5, 2000, 100, "ms", "compressor release time");
    public static readonly ParameterRange KneeDb = new("knee_db", 0, 24, 6, "dB", "compressor soft-knee width");
    public static readonly ParameterRange MakeupDb = new("makeup_db", -12, 24, 0, "dB", "gain after compression");

    public static readonly ParameterRange ReverbReturnDb = new("return_db", -80, 6, 0, "dB", "level of the reverb return on the master (-80 = off)");
    public static readonly ParameterRange ReverbDecayS = new("decay_s", 0.2, 10, 1.8, "s", "reverb decay time (RT60)");
    public static readonly ParameterRange ReverbPreDelayMs = new("pre_delay_ms", 0, 200, 20, "ms", "delay before the reverb starts");
    public static readonly ParameterRange ReverbDamping = new("damping", 0, 1, 0.5, "", "how fast highs die in the reverb tail (0 bright, 1 dark)");

    public static readonly ParameterRange OutputGainDb = new("output_gain_db", -24, 24, 0, "dB", "master output gain");
    public static readonly ParameterRange CeilingDbtp = new("ceiling_dbtp", -12, 0, -1, "dBTP", "limiter true-peak ceiling");
    public static readonly ParameterRange LimiterReleaseMs = new("limiter_release_ms", 1, 1000, 50, "ms", "limiter release time");
    public static readonly ParameterRange LoudnessTargetLufs = new("loudness_target_lufs", -40, -5, -14, "LUFS", "integrated loudness the master is normalised to");

    /// <summary>A send or return at or below this is silent.</summary>
    public const double OffDb = -80;

    /// <summary>Where a send or return that is off starts when a relative move raises it: quiet but audible.</summary>
    public const double FirstSendDb = -24;

    public static IReadOnlyList<ParameterRange> All { get; } =
    [
        GainDb, Pan, Width, ReverbSendDb, HighPassFrequencyHz, EqFrequencyHz, EqGainDb, EqQ,
        ThresholdDb, Ratio, AttackMs, ReleaseMs, KneeDb, MakeupDb,
        ReverbReturnDb, ReverbDecayS, ReverbPreDelayMs, ReverbDamping,
        OutputGainDb, CeilingDbtp, LimiterReleaseMs, LoudnessTargetLufs,
    ];

    public static double DbToLinear(double db) => db <= OffDb ? 0 : Math.Pow(10, db / 20);
}
