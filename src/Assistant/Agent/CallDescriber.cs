using System.Globalization;

namespace Mixwright.Assistant.Agent;

/// <summary>Plain-language one-liners for tool calls ("Kick: gain +2.5 dB"), used in summaries and questions.</summary>
public static class CallDescriber
{
    public static string Describe(ToolCall call)
    {
        string track = call.Track is null or ToolCallShapes.MixTarget ? "master" : call.Track;
        string Db(double v) => (v > 0 ? "+" : "") + v.ToString("0.#", CultureInfo.InvariantCulture) + " dB";
        string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        switch (call.Name)
        {
            case ToolNames.SetGain:
                return call.GetNumber("gain_db") is double g ? $"{track}: gain to {Db(g)}" : $"{track}: gain {Db(call.GetNumber("delta_db") ?? 0)}";
            case ToolNames.SetPan:
                if (call.GetNumber("pan") is double p) return p == 0 ? $"{track}: pan centre" : $"{track}: pan {Math.Abs(p) * 100:0}% {(p < 0 ? "left" : "right")}";
                double d = call.GetNumber("pan_delta") ?? 0;
                return $"{track}: pan {Math.Abs(d) * 100:0}% further {(d < 0 ? "left" : "right")}";
            case ToolNames.SetWidth:
                if (call.GetNumber("width") is double w) return w == 0 ? $"{track}: mono" : $"{track}: width {Num(w)}";
                double wd = call.GetNumber("width_delta") ?? 0;
                return $"{track}: {(wd > 0 ? "wider" : "narrower")} by {Num(Math.Abs(wd))}";
            case ToolNames.SetEqBand:
            {
                string type = call.GetString("type") ?? "peak";
                double gain = call.GetNumber("delta_db") ?? call.GetNumber("gain_db") ?? 0;
                string where = call.GetNumber("freq_hz") is double hz ? $"{(type is "peak" or "" ? "at" : type.Replace('_', ' ') + " at")} {Hz(hz)}"
                    : $"band {call.GetNumber("band") ?? 0}";
                return $"{track}: {(gain < 0 ? "cut" : "boost")} {Db(gain)} {where}";
            }
            case ToolNames.SetHighPass:
                return call.GetBool("enabled") == false ? $"{track}: high-pass off" : $"{track}: high-pass at {Hz(call.GetNumber("freq_hz") ?? 0)}";
            case ToolNames.ResetEq: return $"{track}: reset EQ";
            case ToolNames.SetCompressor:
                if (call.GetBool("enabled") == false) return $"{track}: compressor off";
                if (call.GetNumber("steps") is double steps)
                    return $"{track}: {(Math.Abs(steps) < 0.75 ? "a little " : Math.Abs(steps) > 1.25 ? "much " : "")}{(steps > 0 ? "more" : "less")} compression";
                return $"{track}: compressor settings";
            case ToolNames.SetReverb:
            {
                var parts = new List<string>();
                if (call.GetNumber("send_db") is double s) parts.Add(s <= -80 ? "reverb send off" : $"reverb send to {Db(s)}");
                if (call.GetNumber("send_delta_db") is double sd) parts.Add($"reverb send {Db(sd)}");
                if (call.GetNumber("return_db") is double rv) parts.Add(rv <= -80 ? "reverb return off" : $"reverb return to {Db(rv)}");
                if (call.GetNumber("return_delta_db") is double rd) parts.Add($"reverb return {Db(rd)}");
                if (call.GetNumber("decay_delta_s") is double dd) parts.Add($"reverb decay {(dd > 0 ? "+" : "")}{Num(dd)} s");
                if (call.GetNumber("decay_s") is double ds) parts.Add($"reverb decay {Num(ds)} s");
                return $"{call.Track ?? "reverb"}: {string.Join(", ", parts)}";
            }
            case ToolNames.SetMute: return $"{track}: {(call.GetBool("muted") == true ? "mute" : "unmute")}";
            case ToolNames.SetSolo: return $"{track}: {(call.GetBool("soloed") == true ? "solo" : "unsolo")}";
            case ToolNames.SetMaster:
            {
                var parts = new List<string>();
                if (call.GetNumber("output_gain_delta_db") is double gd) parts.Add($"gain {Db(gd)}");
                if (call.GetNumber("output_gain_db") is double abs) parts.Add($"gain to {Db(abs)}");
                if (call.GetNumber("loudness_target_lufs") is double l) parts.Add($"loudness target {Num(l)} LUFS");
                if (call.GetNumber("ceiling_dbtp") is double ce) parts.Add($"ceiling {Num(ce)} dBTP");
                if (call.GetBool("limiter_enabled") is bool on) parts.Add(on ? "limiter on" : "limiter off");
                return $"master: {string.Join(", ", parts)}";
            }
            case ToolNames.ApplyDescriptor:
            {
                string word = call.GetString("descriptor") ?? "?";
                string variant = call.GetString("variant") is { Length: > 0 } v ? $" ({v})" : "";
                double i = call.GetNumber("intensity") ?? InterpreterDefaults.UnmarkedIntensity;
                string size = i < 0.45 ? "a little " : i > 0.85 ? "much " : "";
                string target = call.Track is null or ToolCallShapes.MixTarget ? "the mix" : call.Track;
                return $"{target}: {size}{(call.GetBool("negate") == true ? "less" : "more")} {word}{variant}";
            }
            case ToolNames.MatchReference: return $"{(call.Track is null or ToolCallShapes.MixTarget ? "the mix" : call.Track)}: match {call.GetString("reference_file")}";
            case ToolNames.Commit:
                return call.Arguments["tracks"] is { } t ? $"apply the proposal for {string.Join(", ", t.AsArray().Select(x => x!.GetValue<string>()))}" : "apply the proposal";
            case ToolNames.Discard: return "drop the proposal";
            case ToolNames.Undo: return call.GetNumber("steps") is double n && n > 1 ? $"undo the last {n} changes" : "undo the last change";
            case ToolNames.Redo: return "redo";
            case ToolNames.Explain: return call.Track is { } t2 ? $"explain {call.GetString("parameter") ?? "settings"} on {t2}" : call.GetString("about") == "history" ? "list the changes so far" : "explain the last change";
            case ToolNames.AnalyzeTrack: return $"measure {track}";
            case ToolNames.AnalyzeMix: return "measure the mix";
            case ToolNames.ListTracks: return "list the tracks";
            case ToolNames.BalanceLevels: return "balance the levels";
            case ToolNames.Render: return "render the mix";
            case ToolNames.Compare: return $"compare with {call.GetString("a") ?? "previous"}";
            default: return call.Name;
        }
    }

    public static string Summarize(IEnumerable<ToolCall> calls) => string.Join("; ", calls.Select(Describe));

    private static string Hz(double hz) => hz >= 1000
        ? (hz / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " kHz"
        : hz.ToString("0", CultureInfo.InvariantCulture) + " Hz";
}
