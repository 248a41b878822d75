using System.Text.Json;
using System.Text.Json.Serialization;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Plugin;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// Typed argument records for the session tools, for code that builds calls (the local interpreter, follow-ups,
/// tests). Property names serialise to the plugin's snake_case parameter names (GainDb is "gain_db"); a test
/// checks every record against <see cref="ToolContract"/>, so they cannot drift from the plugin. Where a tool
/// takes an absolute value or a delta ("gain_db" | "delta_db") exactly one is given. Bus targets use
/// <see cref="MixTarget"/> ("master") as the track. <see cref="Check"/> validates any call, from any back-end,
/// before it runs: it binds to the contract, then values are checked against ConsoleRanges.
/// </summary>
public static class ToolCallShapes
{
    /// <summary>The track name that addresses the master bus (the whole mix).</summary>
    public const string MixTarget = "master";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        // Track names and the user's words stay readable in logs and --json output.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Null when the call binds to its tool and its values are in range; otherwise one message naming the
    /// tool and the argument. The tools check again when they run; this refuses a bad call before anything
    /// is touched and says why in terms of the call itself.
    /// </summary>
    public static string? Check(ToolCall call)
    {
        if (ToolContract.Bind(call.Name, call.Arguments) is { } unbound) return unbound;
        try
        {
            switch (call.Name)
            {
                case ToolNames.SetGain:
                {
                    var a = call.ArgumentsAs<SetGainArgs>();
                    return OneOf(call, ("gain_db", a.GainDb), ("delta_db", a.DeltaDb))
                        ?? Range(call, "gain_db", ConsoleRanges.GainDb, a.GainDb) ?? Span(call, "delta_db", ConsoleRanges.GainDb, a.DeltaDb);
                }
                case ToolNames.SetPan:
                {
                    var a = call.ArgumentsAs<SetPanArgs>();
                    return OneOf(call, ("pan", a.Pan), ("pan_delta", a.PanDelta))
                        ?? Range(call, "pan", ConsoleRanges.Pan, a.Pan) ?? Span(call, "pan_delta", ConsoleRanges.Pan, a.PanDelta);
                }
                case ToolNames.SetWidth:
                {
                    var a = call.ArgumentsAs<SetWidthArgs>();
                    return OneOf(call, ("width", a.Width), ("width_delta", a.WidthDelta))
                        ?? Range(call, "width", ConsoleRanges.Width, a.Width) ?? Span(call, "width_delta", ConsoleRanges.Width, a.WidthDelta);
                }
                case ToolNames.SetEqBand:
                {
                    var a = call.ArgumentsAs<SetEqBandArgs>();
                    if (a.Type is not (null or "" or "peak" or "low_shelf" or "high_shelf"))
                        return $"{call.Name}: type must be peak, low_shelf or high_shelf (got '{a.Type}').";
                    if (a.Band is null && (a.FreqHz is null || (a.GainDb ?? a.DeltaDb) is null))
                        return $"{call.Name}: give band, or freq_hz with gain_db or delta_db.";
                    if (a.GainDb is not null && a.DeltaDb is not null) return $"{call.Name}: give gain_db or delta_db, not both.";
                    if (a.Band is < 1 or > ParametricEqSettings.BandCount) return $"{call.Name}: band must be 1 to {ParametricEqSettings.BandCount} (got {a.Band}).";
                    return Range(call, "freq_hz", ConsoleRanges.EqFrequencyHz, a.FreqHz) ?? Range(call, "gain_db", ConsoleRanges.EqGainDb, a.GainDb)
                        ?? Span(call, "delta_db", ConsoleRanges.EqGainDb, a.DeltaDb) ?? Range(call, "q", ConsoleRanges.EqQ, a.Q);
                }
                case ToolNames.SetHighPass:
                {
                    var a = call.ArgumentsAs<SetHighPassArgs>();
                    if (a.FreqHz is null && a.Enabled is null) return $"{call.Name}: give freq_hz or enabled.";
                    return Range(call, "freq_hz", ConsoleRanges.HighPassFrequencyHz, a.FreqHz);
                }
                case ToolNames.SetCompressor:
                {
                    var a = call.ArgumentsAs<SetCompressorArgs>();
                    if (a.Steps is double s && (s == 0 || Math.Abs(s) > CompressionSteps.MaxSteps))
                        return $"{call.Name}: steps must be between -{CompressionSteps.MaxSteps} and +{CompressionSteps.MaxSteps}, and not 0 (got {s}).";
                    return Range(call, "threshold_db", ConsoleRanges.ThresholdDb, a.ThresholdDb) ?? Range(call, "ratio", ConsoleRanges.Ratio, a.Ratio)
                        ?? Range(call, "attack_ms", ConsoleRanges.AttackMs, a.AttackMs) ?? Range(call, "release_ms", ConsoleRanges.ReleaseMs, a.ReleaseMs)
                        ?? Range(call, "knee_db", ConsoleRanges.KneeDb, a.KneeDb) ?? Range(call, "makeup_db", ConsoleRanges.MakeupDb, a.MakeupDb);
                }
                case ToolNames.SetReverb:
                {
                    var a = call.ArgumentsAs<SetReverbArgs>();
                    if ((a.SendDb ?? a.SendDeltaDb) is not null && string.IsNullOrWhiteSpace(a.Track)) return $"{call.Name}: a send change needs a track.";
                    return Range(call, "send_db", ConsoleRanges.ReverbSendDb, a.SendDb) ?? Span(call, "send_delta_db", ConsoleRanges.ReverbSendDb, a.SendDeltaDb)
                        ?? Range(call, "return_db", ConsoleRanges.ReverbReturnDb, a.ReturnDb) ?? Span(call, "return_delta_db", ConsoleRanges.ReverbReturnDb, a.ReturnDeltaDb)
                        ?? Range(call, "decay_s", ConsoleRanges.ReverbDecayS, a.DecayS) ?? Span(call, "decay_delta_s", ConsoleRanges.ReverbDecayS, a.DecayDeltaS)
                        ?? Range(call, "pre_delay_ms", ConsoleRanges.ReverbPreDelayMs, a.PreDelayMs) ?? Range(call, "damping", ConsoleRanges.ReverbDamping, a.Damping);
                }
                case ToolNames.SetMaster:
                {
                    var a = call.ArgumentsAs<SetMasterArgs>();
                    return Range(call, "output_gain_db", ConsoleRanges.OutputGainDb, a.OutputGainDb) ?? Span(call, "output_gain_delta_db", ConsoleRanges.OutputGainDb, a.OutputGainDeltaDb)
                        ?? Range(call, "ceiling_dbtp", ConsoleRanges.CeilingDbtp, a.CeilingDbtp) ?? Range(call, "loudness_target_lufs", ConsoleRanges.LoudnessTargetLufs, a.LoudnessTargetLufs);
                }
                case ToolNames.ApplyDescriptor:
                {
                    var a = call.ArgumentsAs<ApplyDescriptorArgs>();
                    if (a.Intensity is < DescriptorRequest.MinIntensity or > 1) return $"{call.Name}: intensity must be between {DescriptorRequest.MinIntensity} and 1 (got {a.Intensity}).";
                    return string.IsNullOrWhiteSpace(a.Descriptor) ? $"{call.Name}: descriptor is required." : null;
                }
                case ToolNames.Undo:
                case ToolNames.Redo:
                    return call.ArgumentsAs<HistoryStepArgs>().Steps is < 1 or > 100 ? $"{call.Name}: steps must be 1 to 100." : null;
                default:
                    return call.Arguments.ContainsKey("track") && string.IsNullOrWhiteSpace(call.GetString("track"))
                        && ToolContract.Tools[call.Name].Parameter("track")!.Required ? $"{call.Name}: track is required." : null;
            }
        }
        catch (JsonException e)
        {
            return $"{call.Name}: arguments do not have the documented shape ({e.Message}).";
        }
    }

    private static string? OneOf(ToolCall call, (string Name, double? Value) a, (string Name, double? Value) b) =>
        (a.Value is null) == (b.Value is null) ? $"{call.Name}: give exactly one of {a.Name} and {b.Name}." : null;

    private static string? Range(ToolCall call, string name, ParameterRange range, double? value) =>
        value is double v && !range.Contains(v) ? $"{call.Name}: {name} must be {range.Describe()} (got {v})." : null;

    /// <summary>A delta may move at most the full width of the parameter's range.</summary>
    private static string? Span(ToolCall call, string name, ParameterRange range, double? value) =>
        value is double v && (double.IsNaN(v) || Math.Abs(v) > range.Max - range.Min)
            ? $"{call.Name}: {name} must be within ±{range.Max - range.Min} {range.Unit} (got {v})." : null;
}

/// <summary>analyze_track, reset_eq: {track}.</summary>
public sealed record TrackArgs(string Track);

/// <summary>set_gain: {track, gain_db | delta_db}.</summary>
public sealed record SetGainArgs(string Track, double? GainDb = null, double? DeltaDb = null);

/// <summary>set_pan: {track, pan | pan_delta}: -1 hard left .. +1 hard right.</summary>
public sealed record SetPanArgs(string Track, double? Pan = null, double? PanDelta = null);

/// <summary>set_width: {track, width | width_delta}: 0 mono, 1 as recorded, 2 twice as wide.</summary>
public sealed record SetWidthArgs(string Track, double? Width = null, double? WidthDelta = null);

/// <summary>
/// set_eq_band: {track, type?, freq_hz?, gain_db | delta_db, q?, band?}. Without a band the tool picks one
/// from type (peak, low_shelf, high_shelf) and frequency; delta_db adds to what that band already does.
/// </summary>
public sealed record SetEqBandArgs(string Track, string? Type = null, double? FreqHz = null, double? GainDb = null, double? DeltaDb = null, double? Q = null, int? Band = null);

/// <summary>set_high_pass: {track, freq_hz?, enabled?}.</summary>
public sealed record SetHighPassArgs(string Track, double? FreqHz = null, bool? Enabled = null);

/// <summary>
/// set_compressor: {track, steps? | enabled?, threshold_db?, ratio?, attack_ms?, release_ms?, knee_db?,
/// makeup_db?}. steps +1 is one clear step more compression, -1 one step less.
/// </summary>
public sealed record SetCompressorArgs(
    string Track,
    double? Steps = null,
    bool? Enabled = null,
    double? ThresholdDb = null,
    double? Ratio = null,
    double? AttackMs = null,
    double? ReleaseMs = null,
    double? KneeDb = null,
    double? MakeupDb = null);

/// <summary>
/// set_reverb: {track?, send_db? | send_delta_db?, return_db? | return_delta_db?, decay_s? | decay_delta_s?,
/// pre_delay_ms?, damping?}. With a track it changes that track's send; the other fields change the shared reverb.
/// </summary>
public sealed record SetReverbArgs(
    string? Track = null,
    double? SendDb = null,
    double? SendDeltaDb = null,
    double? ReturnDb = null,
    double? ReturnDeltaDb = null,
    double? DecayS = null,
    double? DecayDeltaS = null,
    double? PreDelayMs = null,
    double? Damping = null);

/// <summary>set_mute: {track, muted}.</summary>
public sealed record SetMuteArgs(string Track, bool Muted);

/// <summary>set_solo: {track, soloed}.</summary>
public sealed record SetSoloArgs(string Track, bool Soloed);

/// <summary>set_master: {output_gain_db? | output_gain_delta_db?, limiter_enabled?, ceiling_dbtp?, loudness_target_lufs?}.</summary>
public sealed record SetMasterArgs(
    double? OutputGainDb = null,
    double? OutputGainDeltaDb = null,
    bool? LimiterEnabled = null,
    double? CeilingDbtp = null,
    double? LoudnessTargetLufs = null);

/// <summary>
/// apply_descriptor: {descriptor, track, intensity, negate, variant?}. track is a track name or "master"
/// for the whole mix; descriptor a word of the descriptor lexicon (canonical spelling); intensity 0.05..1
/// ("slightly" 0.33, unmarked 0.6, "a lot" 1); negate asks for less of the word; variant picks one reading
/// of an ambiguous word ("warm": body | soften).
/// </summary>
public sealed record ApplyDescriptorArgs(string Descriptor, string Track, double Intensity, bool Negate, string? Variant = null);

/// <summary>match_reference: {reference_file, track?}. The file path as the user gave it; no track matches the whole mix.</summary>
public sealed record MatchReferenceArgs(string ReferenceFile, string? Track = null, string? Only = null, double? Amount = null);

/// <summary>
/// explain: {track?, parameter?, about?}. parameter is gain, pan, width, eq, compressor, reverb, mute or
/// solo; without a track about is "last_change" ("what did you change?") or "history".
/// </summary>
public sealed record ExplainArgs(string? Track = null, string? Parameter = null, string? About = null);

/// <summary>commit: {tracks?}. Without tracks the whole pending proposal; with tracks only their part of it.</summary>
public sealed record CommitArgs(IReadOnlyList<string>? Tracks = null);

/// <summary>undo, redo: {steps?} (default 1).</summary>
public sealed record HistoryStepArgs(int? Steps = null);

/// <summary>render: {output_file?, point?} (default: the current mix, next to the session).</summary>
public sealed record RenderArgs(string? OutputFile = null, string? Point = null);

/// <summary>compare: {a?, b?, with_analysis?}: history points such as "previous", "initial", "current", "cs-2".</summary>
public sealed record CompareArgs(string? A = null, string? B = null, bool? WithAnalysis = null);

/// <summary>analyze_mix: {point?}.</summary>
public sealed record AnalyzeMixArgs(string? Point = null);

/// <summary>balance_levels: {anchor?}.</summary>
public sealed record BalanceLevelsArgs(string? Anchor = null);

/// <summary>propose: {summary}.</summary>
public sealed record ProposeArgs(string Summary);
