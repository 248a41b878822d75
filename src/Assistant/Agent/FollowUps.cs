using System.Text.Json.Nodes;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// Reworks earlier calls for follow-ups: "more" / "a bit less" scale them, "same for the guitars" aims
/// them at other tracks. Calls that cannot be scaled (an absolute setting, a mute) are left out.
/// </summary>
public static class FollowUps
{
    /// <summary>
    /// The call moved by <paramref name="factor"/> of its own size: 1 repeats it, 0.5 goes half as far
    /// again, -0.5 backs off by half. Null when the call has no size to scale.
    /// </summary>
    public static ToolCall? Scale(ToolCall call, double factor)
    {
        if (factor == 0) return null;
        var args = (JsonObject)call.Arguments.DeepClone();
        bool changed = false;

        void ScaleDb(string name)
        {
            if (args[name] is JsonValue v && v.TryGetValue(out double d))
            {
                double scaled = InterpreterDefaults.RoundTo(d * factor, 0.5);
                if (Math.Abs(scaled) < 0.5) scaled = Math.Sign(d * factor) * 0.5;
                args[name] = scaled;
                changed = true;
            }
        }
        void ScaleRaw(string name, double step)
        {
            if (args[name] is JsonValue v && v.TryGetValue(out double d))
            {
                double scaled = InterpreterDefaults.RoundTo(d * factor, step);
                if (Math.Abs(scaled) < step) scaled = Math.Sign(d * factor) * step;
                args[name] = scaled;
                changed = true;
            }
        }
        bool Drop(params string[] absolutes) => absolutes.Any(a => args.ContainsKey(a));

        switch (call.Name)
        {
            case ToolNames.SetGain:
                if (Drop("gain_db")) return null;
                ScaleDb("delta_db");
                break;
            case ToolNames.SetPan:
                if (args["pan"] is JsonValue pv && pv.TryGetValue(out double pan))
                {
                    if (pan == 0) return null;
                    args.Remove("pan");
                    args["delta"] = InterpreterDefaults.RoundTo(Math.Sign(pan) * InterpreterDefaults.PanStep(0.6) * factor, 0.05);
                    changed = true;
                }
                ScaleRaw("delta", 0.05);
                if (args.ContainsKey("width")) args.Remove("width");
                ScaleRaw("width_delta", 0.05);
                break;
            case ToolNames.SetEqBand:
                if (call.GetString("type") == "high_pass" && call.GetNumber("freq_hz") is double hz)
                {
                    args["freq_hz"] = Math.Round(hz * Math.Pow(1.25, Math.Sign(factor) * Math.Max(1, Math.Abs(factor))));
                    changed = true;
                }
                if (Drop("gain_db")) return null;
                ScaleDb("delta_db");
                break;
            case ToolNames.SetCompressor:
                if (call.GetString("amount") is not { } amount) return null;
                if (factor < 0) args["amount"] = amount == ToolCallShapes.More ? ToolCallShapes.Less : ToolCallShapes.More;
                args["strength"] = Math.Round(Math.Clamp((call.GetNumber("strength") ?? 0.6) * Math.Abs(factor), 0.1, 1), 2);
                changed = true;
                break;
            case ToolNames.SetReverb:
                if (Drop("send_db", "decay_s")) return null;
                if (call.GetNumber("return_delta_db") is <= -80) return null;
                ScaleDb("send_delta_db");
                ScaleDb("return_delta_db");
                ScaleRaw("decay_delta_s", 0.1);
                break;
            case ToolNames.SetMaster:
                if (Drop("gain_db", "loudness_target_lufs", "ceiling_dbtp")) return null;
                ScaleDb("gain_delta_db");
                ScaleDb("eq_delta_db");
                if (call.GetString("compression") is { } c)
                {
                    if (factor < 0) args["compression"] = c == ToolCallShapes.More ? ToolCallShapes.Less : ToolCallShapes.More;
                    args["compression_strength"] = Math.Round(Math.Clamp((call.GetNumber("compression_strength") ?? 0.6) * Math.Abs(factor), 0.1, 1), 2);
                    changed = true;
                }
                break;
            case ToolNames.ApplyDescriptor:
                args["intensity"] = Math.Round(Math.Clamp((call.GetNumber("intensity") ?? 0.6) * Math.Abs(factor), 0.05, 1), 2);
                if (factor < 0) args["negate"] = !(call.GetBool("negate") ?? false);
                changed = true;
                break;
            default:
                return null;
        }
        return changed ? new ToolCall(call.Name, args) : null;
    }

    /// <summary>
    /// The call aimed at another track, or at the master bus (<see cref="ToolCallShapes.MixTarget"/>).
    /// Track controls become their master equivalents and back; controls with no equivalent are dropped.
    /// </summary>
    public static ToolCall? Retarget(ToolCall call, string target)
    {
        bool toMix = target == ToolCallShapes.MixTarget;
        var args = (JsonObject)call.Arguments.DeepClone();
        switch (call.Name)
        {
            case ToolNames.ApplyDescriptor:
            case ToolNames.MatchReference:
                args["target"] = target;
                return new ToolCall(call.Name, args);
            case ToolNames.SetGain when toMix:
                return call.GetNumber("delta_db") is double d ? ToolCall.Create(ToolNames.SetMaster, new SetMasterArgs(GainDeltaDb: d)) : null;
            case ToolNames.SetCompressor when toMix:
                return call.GetString("amount") is { } a ? ToolCall.Create(ToolNames.SetMaster, new SetMasterArgs(Compression: a, CompressionStrength: call.GetNumber("strength"))) : null;
            case ToolNames.SetEqBand when toMix:
                return call.GetString("type") == "high_pass" ? null : ToolCall.Create(ToolNames.SetMaster, new SetMasterArgs(EqType: call.GetString("type"),
                    EqFreqHz: call.GetNumber("freq_hz"), EqDeltaDb: call.GetNumber("delta_db") ?? call.GetNumber("gain_db"), EqQ: call.GetNumber("q")));
            case ToolNames.SetReverb when toMix:
                return call.GetNumber("send_delta_db") is double s ? ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(ReturnDeltaDb: s))
                    : call.Track is null ? call : null;
            case ToolNames.SetReverb when call.Track is null:
                return call.GetNumber("return_delta_db") is double r ? ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(target, SendDeltaDb: r)) : call;
            case ToolNames.SetMaster when !toMix:
                if (call.GetNumber("gain_delta_db") is double g) return ToolCall.Create(ToolNames.SetGain, new SetGainArgs(target, DeltaDb: g));
                if (call.GetString("compression") is { } c) return ToolCall.Create(ToolNames.SetCompressor, new SetCompressorArgs(target, c, call.GetNumber("compression_strength")));
                if (call.GetNumber("eq_freq_hz") is double f)
                    return ToolCall.Create(ToolNames.SetEqBand, new SetEqBandArgs(target, call.GetString("eq_type") ?? "peak", f, DeltaDb: call.GetNumber("eq_delta_db"), Q: call.GetNumber("eq_q")));
                return null;
            case ToolNames.SetMaster:
                return call;
            case ToolNames.SetPan or ToolNames.SetMute or ToolNames.SetSolo or ToolNames.ResetEq when toMix:
                return null;
            default:
                if (!args.ContainsKey("track")) return null;
                args["track"] = target;
                return new ToolCall(call.Name, args);
        }
    }

    /// <summary>
    /// Every call of a change aimed at each new target. Calls that differed only in their track collapse
    /// into one move first, so "same for the guitars" after a change to three drums gives one move per guitar.
    /// </summary>
    public static IReadOnlyList<ToolCall> RetargetAll(IEnumerable<ToolCall> calls, IEnumerable<string> targets)
    {
        var moves = new List<ToolCall>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var args = (JsonObject)call.Arguments.DeepClone();
            args.Remove("track");
            args.Remove("target");
            if (seen.Add(call.Name + args.ToJsonString())) moves.Add(call);
        }
        var result = new List<ToolCall>();
        foreach (string target in targets)
            foreach (var move in moves)
                if (Retarget(move, target) is { } r && !result.Contains(r)) result.Add(r);
        return result;
    }
}
