using System.Text.Json;
using System.Text.Json.Serialization;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The argument shapes of every tool call the assistant emits, in one place. Property names are the
/// snake_case JSON names (GainDb is "gain_db"); units are in the names. Where a record offers an absolute
/// value and a delta ("gain_db" | "delta_db") exactly one is given. "track" is a track name exactly as
/// listed by list_tracks; <see cref="MixTarget"/> addresses the master bus where a tool takes a target.
/// Ranges are those of Mixwright.Dsp.Parameters.ConsoleRanges; <see cref="Check"/> enforces them.
/// </summary>
public static class ToolCallShapes
{
    public const string MixTarget = "mix";
    public const string More = "more";
    public const string Less = "less";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>
    /// Null when the call's arguments have the documented shape and values in range; otherwise one message
    /// naming the tool and the argument.
    /// </summary>
    public static string? Check(ToolCall call)
    {
        try
        {
            switch (call.Name)
            {
                case ToolNames.SetGain:
                {
                    var a = call.ArgumentsAs<SetGainArgs>();
                    return Track(call, a.Track) ?? OneOf(call, ("gain_db", a.GainDb), ("delta_db", a.DeltaDb))
                        ?? Range(call, ConsoleRanges.GainDb, a.GainDb) ?? Span(call, "delta_db", ConsoleRanges.GainDb, a.DeltaDb);
                }
                case ToolNames.SetPan:
                {
                    var a = call.ArgumentsAs<SetPanArgs>();
                    if (a.Pan is null && a.Delta is null && a.Width is null && a.WidthDelta is null)
                        return $"{call.Name}: give pan, delta, width or width_delta.";
                    return Track(call, a.Track) ?? Range(call, ConsoleRanges.Pan, a.Pan) ?? Span(call, "delta", ConsoleRanges.Pan, a.Delta)
                        ?? Range(call, ConsoleRanges.Width, a.Width) ?? Span(call, "width_delta", ConsoleRanges.Width, a.WidthDelta);
                }
                case ToolNames.SetEqBand:
                {
                    var a = call.ArgumentsAs<SetEqBandArgs>();
                    if (a.Type is not ("peak" or "low_shelf" or "high_shelf" or "high_pass"))
                        return $"{call.Name}: type must be peak, low_shelf, high_shelf or high_pass (got '{a.Type}').";
                    if (a.Type != "high_pass" && OneOf(call, ("gain_db", a.GainDb), ("delta_db", a.DeltaDb)) is { } e) return e;
                    return Track(call, a.Track)
                        ?? Range(call, a.Type == "high_pass" ? ConsoleRanges.HighPassFrequencyHz : ConsoleRanges.EqFrequencyHz, a.FreqHz)
                        ?? Range(call, ConsoleRanges.EqGainDb, a.GainDb) ?? Span(call, "delta_db", ConsoleRanges.EqGainDb, a.DeltaDb)
                        ?? Range(call, ConsoleRanges.EqQ, a.Q);
                }
                case ToolNames.SetCompressor:
                {
                    var a = call.ArgumentsAs<SetCompressorArgs>();
                    if (a.Amount is not (null or More or Less)) return $"{call.Name}: amount must be 'more' or 'less' (got '{a.Amount}').";
                    if (a.Strength is < 0 or > 1) return $"{call.Name}: strength must be between 0 and 1 (got {a.Strength}).";
                    return Track(call, a.Track) ?? Range(call, ConsoleRanges.ThresholdDb, a.ThresholdDb) ?? Range(call, ConsoleRanges.Ratio, a.Ratio)
                        ?? Range(call, ConsoleRanges.AttackMs, a.AttackMs) ?? Range(call, ConsoleRanges.ReleaseMs, a.ReleaseMs)
                        ?? Range(call, ConsoleRanges.MakeupDb, a.MakeupDb);
                }
                case ToolNames.SetReverb:
                {
                    var a = call.ArgumentsAs<SetReverbArgs>();
                    if ((a.SendDb ?? a.SendDeltaDb) is not null && a.Track is null) return $"{call.Name}: a send change needs a track.";
                    return Range(call, ConsoleRanges.ReverbSendDb, a.SendDb) ?? Span(call, "send_delta_db", ConsoleRanges.ReverbSendDb, a.SendDeltaDb)
                        ?? Span(call, "return_delta_db", ConsoleRanges.ReverbReturnDb, a.ReturnDeltaDb)
                        ?? Range(call, ConsoleRanges.ReverbDecayS, a.DecayS) ?? Span(call, "decay_delta_s", ConsoleRanges.ReverbDecayS, a.DecayDeltaS);
                }
                case ToolNames.SetMute: return Track(call, call.ArgumentsAs<SetMuteArgs>().Track);
                case ToolNames.SetSolo: return Track(call, call.ArgumentsAs<SetSoloArgs>().Track);
                case ToolNames.SetMaster:
                {
                    var a = call.ArgumentsAs<SetMasterArgs>();
                    return Range(call, ConsoleRanges.OutputGainDb, a.GainDb) ?? Span(call, "gain_delta_db", ConsoleRanges.OutputGainDb, a.GainDeltaDb)
                        ?? Range(call, ConsoleRanges.EqFrequencyHz, a.EqFreqHz) ?? Span(call, "eq_delta_db", ConsoleRanges.EqGainDb, a.EqDeltaDb)
                        ?? Range(call, ConsoleRanges.CeilingDbtp, a.CeilingDbtp) ?? Range(call, ConsoleRanges.LoudnessTargetLufs, a.LoudnessTargetLufs);
                }
                case ToolNames.ApplyDescriptor:
                {
                    var a = call.ArgumentsAs<ApplyDescriptorArgs>();
                    if (a.Intensity is <= 0 or > 1) return $"{call.Name}: intensity must be in (0, 1] (got {a.Intensity}).";
                    return Track(call, a.Target) ?? (string.IsNullOrWhiteSpace(a.Descriptor) ? $"{call.Name}: descriptor is required." : null);
                }
                case ToolNames.MatchReference:
                    return string.IsNullOrWhiteSpace(call.ArgumentsAs<MatchReferenceArgs>().Reference) ? $"{call.Name}: reference is required." : null;
                case ToolNames.AnalyzeTrack:
                case ToolNames.ResetEq:
                    return Track(call, call.ArgumentsAs<TrackArgs>().Track);
                default:
                    return null;
            }
        }
        catch (JsonException e)
        {
            return $"{call.Name}: arguments do not have the documented shape ({e.Message}).";
        }
    }

    private static string? Track(ToolCall call, string? track) =>
        string.IsNullOrWhiteSpace(track) ? $"{call.Name}: track is required." : null;

    private static string? OneOf(ToolCall call, (string Name, double? Value) a, (string Name, double? Value) b) =>
        (a.Value is null) == (b.Value is null) ? $"{call.Name}: give exactly one of {a.Name} and {b.Name}." : null;

    private static string? Range(ToolCall call, ParameterRange range, double? value) =>
        value is double v && !range.Contains(v) ? $"{call.Name}: {range.Name} must be {range.Describe()} (got {v})." : null;

    /// <summary>A delta may move at most the full width of the parameter's range.</summary>
    private static string? Span(ToolCall call, string name, ParameterRange range, double? value) =>
        value is double v && (double.IsNaN(v) || Math.Abs(v) > range.Max - range.Min)
            ? $"{call.Name}: {name} must be within ±{range.Max - range.Min} {range.Unit} (got {v})." : null;
}

/// <summary>analyze_track, reset_eq: {track}.</summary>
public sealed record TrackArgs(string Track);

/// <summary>set_gain: {track, gain_db | delta_db}. gain_db sets the channel gain; delta_db moves it (dB, + is louder).</summary>
public sealed record SetGainArgs(string Track, double? GainDb = null, double? DeltaDb = null);

/// <summary>
/// set_pan: {track, pan? | delta?, width? | width_delta?}. pan -1 (hard left) .. +1 (hard right), 0 centre;
/// delta moves it. width 0 mono .. 1 as recorded .. 2 twice as wide; width_delta moves it. Pan and width
/// share this tool because both place the track in the stereo image.
/// </summary>
public sealed record SetPanArgs(string Track, double? Pan = null, double? Delta = null, double? Width = null, double? WidthDelta = null);

/// <summary>
/// set_eq_band: {track, type, freq_hz, gain_db | delta_db, q?}. type is peak, low_shelf, high_shelf or
/// high_pass (a high_pass takes only freq_hz). The tool picks the console band that fits the type and
/// frequency; delta_db adds to what that band already does there.
/// </summary>
public sealed record SetEqBandArgs(string Track, string Type, double FreqHz, double? GainDb = null, double? DeltaDb = null, double? Q = null);

/// <summary>
/// set_compressor: {track, amount?: "more"|"less", strength? 0..1, enabled?, threshold_db?, ratio?,
/// attack_ms?, release_ms?, makeup_db?}. "more"/"less" with a strength lets the tool choose threshold and
/// ratio from the track's measured level; explicit fields set those values.
/// </summary>
public sealed record SetCompressorArgs(
    string Track,
    string? Amount = null,
    double? Strength = null,
    bool? Enabled = null,
    double? ThresholdDb = null,
    double? Ratio = null,
    double? AttackMs = null,
    double? ReleaseMs = null,
    double? MakeupDb = null);

/// <summary>
/// set_reverb: {track?, send_db? | send_delta_db?, return_delta_db?, decay_s? | decay_delta_s?}. With a
/// track it changes that track's send (send_db -80 turns it off); without one it changes the shared reverb:
/// its return level on the master and its decay (RT60, seconds).
/// </summary>
public sealed record SetReverbArgs(
    string? Track = null,
    double? SendDb = null,
    double? SendDeltaDb = null,
    double? ReturnDeltaDb = null,
    double? DecayS = null,
    double? DecayDeltaS = null);

/// <summary>set_mute: {track, mute}.</summary>
public sealed record SetMuteArgs(string Track, bool Mute);

/// <summary>set_solo: {track, solo}.</summary>
public sealed record SetSoloArgs(string Track, bool Solo);

/// <summary>
/// set_master: the master bus. {gain_db? | gain_delta_db?, compression?: "more"|"less",
/// compression_strength? 0..1, eq_type?, eq_freq_hz?, eq_delta_db?, eq_q?, ceiling_dbtp?,
/// loudness_target_lufs?}. Any subset may be given.
/// </summary>
public sealed record SetMasterArgs(
    double? GainDb = null,
    double? GainDeltaDb = null,
    string? Compression = null,
    double? CompressionStrength = null,
    string? EqType = null,
    double? EqFreqHz = null,
    double? EqDeltaDb = null,
    double? EqQ = null,
    double? CeilingDbtp = null,
    double? LoudnessTargetLufs = null);

/// <summary>
/// apply_descriptor: {target, descriptor, intensity, negate, variant?}. target is a track name or "mix";
/// descriptor a word of the descriptor lexicon (Mixwright.Embeddings, canonical spelling); intensity 0..1
/// ("slightly"/"a bit" 0.33, unmarked 0.6, "a lot"/"much"/"very" 1); negate asks for less of the word
/// ("less boomy", "too bright"); variant picks one reading of an ambiguous word ("warm": body | soften).
/// The tool applies DescriptorLexicon moves scaled by intensity, mirrored when negate is true.
/// </summary>
public sealed record ApplyDescriptorArgs(string Target, string Descriptor, double Intensity, bool Negate, string? Variant = null);

/// <summary>match_reference: {reference, target}. reference is the file path as the user gave it; target "mix" or a track.</summary>
public sealed record MatchReferenceArgs(string Reference, string Target = ToolCallShapes.MixTarget);

/// <summary>
/// explain: {track?, parameter?, about?}. parameter is gain, pan, width, eq, compressor, reverb, mute or
/// solo; about is "last_change" ("what did you change?") or "history".
/// </summary>
public sealed record ExplainArgs(string? Track = null, string? Parameter = null, string? About = null);

/// <summary>commit: {tracks?}. Without tracks the whole pending proposal; with tracks only their part of it.</summary>
public sealed record CommitArgs(IReadOnlyList<string>? Tracks = null);

/// <summary>undo, redo: {steps?} (default 1).</summary>
public sealed record HistoryStepArgs(int? Steps = null);

/// <summary>render: {path?} (default: next to the session).</summary>
public sealed record RenderArgs(string? Path = null);

/// <summary>compare: {against?}: "previous" (before the last change, the default), "original" (flat console) or a history id.</summary>
public sealed record CompareArgs(string? Against = null);
