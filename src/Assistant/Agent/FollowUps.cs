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

        void ScaleBy(string name, double step)
        {
            if (args[name] is JsonValue v && v.TryGetValue(out double d))
            {
                double scaled = InterpreterDefaults.RoundTo(d * factor, step);
                if (Math.Abs(scaled) < step) scaled = Math.Sign(d * factor) * step;
                args[name] = scaled;
                changed = true;
            }
        }
        bool Has(params string[] absolutes) => absolutes.Any(args.ContainsKey);

        switch (call.Name)
        {
            case ToolNames.SetGain:
                if (Has("gain_db")) return null;
                ScaleBy("delta_db", 0.5);
                break;
            case ToolNames.SetPan:
                if (args["pan"] is JsonValue pv && pv.TryGetValue(out double pan))
                {
                    // "More" after "pan it left": a further move the same way.
                    if (pan == 0) return null;
                    args.Remove("pan");
                    args["pan_delta"] = InterpreterDefaults.RoundTo(Math.Sign(pan) * InterpreterDefaults.PanStep(InterpreterDefaults.UnmarkedIntensity) * factor, 0.05);
                    changed = true;
                }
                else ScaleBy("pan_delta", 0.05);
                break;
            case ToolNames.SetWidth:
                if (args["width"] is JsonValue wv && wv.TryGetValue(out double width))
                {
                    if (width == 1) return null;
                    args.Remove("width");
                    args["width_delta"] = InterpreterDefaults.RoundTo(Math.Sign(width - 1) * 0.2 * factor, 0.05);
                    changed = true;
                }
                else ScaleBy("width_delta", 0.05);
                break;
            case ToolNames.SetHighPass:
                if (call.GetNumber("freq_hz") is not double hz) return null;
                args["freq_hz"] = Math.Round(hz * Math.Pow(1.25, Math.Sign(factor) * Math.Max(1, Math.Abs(factor))));
                changed = true;
                break;
            case ToolNames.SetEqBand:
                if (Has("gain_db")) return null;
                ScaleBy("delta_db", 0.5);
                break;
            case ToolNames.SetCompressor:
                if (Has("threshold_db", "ratio", "attack_ms", "release_ms", "knee_db", "makeup_db", "enabled")) return null;
                ScaleBy("steps", 0.1);
                break;
            case ToolNames.SetReverb:
                if (Has("send_db", "decay_s", "return_db", "pre_delay_ms", "damping")) return null;
                ScaleBy("send_delta_db", 0.5);
                ScaleBy("return_delta_db", 0.5);
                ScaleBy("decay_delta_s", 0.1);
                break;
            case ToolNames.SetMaster:
                if (Has("output_gain_db", "loudness_target_lufs", "ceiling_dbtp", "limiter_enabled")) return null;
                ScaleBy("output_gain_delta_db", 0.5);
                break;
            case ToolNames.ApplyDescriptor:
                args["intensity"] = Math.Round(Math.Clamp((call.GetNumber("intensity") ?? InterpreterDefaults.UnmarkedIntensity) * Math.Abs(factor), Mixwright.Tools.Plugin.DescriptorRequest.MinIntensity, 1), 2);
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
    /// Track gain and master gain map onto each other, as do a send and the reverb return; controls the
    /// master lacks (pan, width, mute, solo, high-pass) are dropped for it.
    /// </summary>
    public static ToolCall? Retarget(ToolCall call, string target)
    {
        bool toMix = target == ToolCallShapes.MixTarget;
        var args = (JsonObject)call.Arguments.DeepClone();
        switch (call.Name)
        {
            case ToolNames.MatchReference:
                if (toMix) args.Remove("track"); else args["track"] = target;
                return new ToolCall(call.Name, args);
            case ToolNames.SetGain when toMix:
                return call.GetNumber("delta_db") is double d ? ToolCall.Create(ToolNames.SetMaster, new SetMasterArgs(OutputGainDeltaDb: d)) : null;
            case ToolNames.SetReverb when toMix:
                return call.GetNumber("send_delta_db") is double s ? ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(ReturnDeltaDb: s))
                    : call.Track is null ? call : null;
            case ToolNames.SetReverb when call.Track is null:
                return call.GetNumber("return_delta_db") is double r ? ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(target, SendDeltaDb: r)) : call;
            case ToolNames.SetMaster when !toMix:
                return call.GetNumber("output_gain_delta_db") is double g ? ToolCall.Create(ToolNames.SetGain, new SetGainArgs(target, DeltaDb: g)) : null;
            case ToolNames.SetMaster:
                return call;
            case ToolNames.SetPan or ToolNames.SetWidth or ToolNames.SetMute or ToolNames.SetSolo or ToolNames.SetHighPass or ToolNames.ResetEq when toMix:
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
            if (seen.Add(call.Name + args.ToJsonString())) moves.Add(call);
        }
        var result = new List<ToolCall>();
        foreach (string target in targets)
            foreach (var move in moves)
                if (Retarget(move, target) is { } r && !result.Contains(r)) result.Add(r);
        return result;
    }
}
