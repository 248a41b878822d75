using System.Globalization;

namespace Mixwright.Assistant.Agent;

/// <summary>Plain-language one-liners for tool calls ("Kick: gain +2.5 dB"), used in summaries and questions.</summary>
public static class CallDescriber
{
    public static string Describe(ToolCall call)
    {
        string track = call.Track ?? "master";
        string Db(double v) => (v > 0 ? "+" : "") + v.ToString("0.#", CultureInfo.InvariantCulture) + " dB";
        string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        switch (call.Name)
        {
            case ToolNames.SetGain:
                return call.GetNumber("gain_db") is double g ? $"{track}: gain to {Db(g)}" : $"{track}: gain {Db(call.GetNumber("delta_db") ?? 0)}";
            case ToolNames.SetPan:
            {
                var parts = new List<string>();
                if (call.GetNumber("pan") is double p) parts.Add(p == 0 ? "pan centre" : $"pan {Math.Abs(p) * 100:0}% {(p < 0 ? "left" : "right")}");
                if (call.GetNumber("delta") is double d) parts.Add($"pan {Math.Abs(d) * 100:0}% further {(d < 0 ? "left" : "right")}");
                if (call.GetNumber("width") is double w) parts.Add(w == 0 ? "mono" : $"width {Num(w)}");
                if (call.GetNumber("width_delta") is double wd) parts.Add($"{(wd > 0 ? "wider" : "narrower")} by {Num(Math.Abs(wd))}");
                return $"{track}: {string.Join(", ", parts)}";
            }
            case ToolNames.SetEqBand:
            {
                string type = call.GetString("type") ?? "peak";
                double hz = call.GetNumber("freq_hz") ?? 0;
                if (type == "high_pass") return $"{track}: high-pass at {Hz(hz)}";
                double gain = call.GetNumber("delta_db") ?? call.GetNumber("gain_db") ?? 0;
                return $"{track}: {(gain < 0 ? "cut" : "boost")} {Db(gain)} {(type == "peak" ? "at" : type.Replace('_', ' ') + " at")} {Hz(hz)}";
            }
            case ToolNames.ResetEq: return $"{track}: reset EQ";
            case ToolNames.SetCompressor:
                if (call.GetBool("enabled") == false) return $"{track}: compressor off";
                if (call.GetString("amount") is { } amount) return $"{track}: {amount} compression";
                return $"{track}: compressor settings";
            case ToolNames.SetReverb:
            {
                var parts = new List<string>();
                if (call.GetNumber("send_db") is double s) parts.Add(s <= -80 ? "reverb send off" : $"reverb send to {Db(s)}");
                if (call.GetNumber("send_delta_db") is double sd) parts.Add($"reverb send {Db(sd)}");
                if (call.GetNumber("return_delta_db") is double rd) parts.Add(rd <= -80 ? "reverb return off" : $"reverb return {Db(rd)}");
                if (call.GetNumber("decay_delta_s") is double dd) parts.Add($"reverb decay {(dd > 0 ? "+" : "")}{Num(dd)} s");
                if (call.GetNumber("decay_s") is double ds) parts.Add($"reverb decay {Num(ds)} s");
                return $"{call.Track ?? "reverb"}: {string.Join(", ", parts)}";
            }
            case ToolNames.SetMute: return $"{track}: {(call.GetBool("mute") == true ? "mute" : "unmute")}";
            case ToolNames.SetSolo: return $"{track}: {(call.GetBool("solo") == true ? "solo" : "unsolo")}";
            case ToolNames.SetMaster:
            {
                var parts = new List<string>();
                if (call.GetNumber("gain_delta_db") is double gd) parts.Add($"gain {Db(gd)}");
                if (call.GetNumber("gain_db") is double abs) parts.Add($"gain to {Db(abs)}");
                if (call.GetString("compression") is { } c) parts.Add($"{c} bus compression");
                if (call.GetNumber("eq_freq_hz") is double f) parts.Add($"EQ {Db(call.GetNumber("eq_delta_db") ?? 0)} at {Hz(f)}");
                if (call.GetNumber("loudness_target_lufs") is double l) parts.Add($"loudness target {Num(l)} LUFS");
                if (call.GetNumber("ceiling_dbtp") is double ce) parts.Add($"ceiling {Num(ce)} dBTP");
                return $"master: {string.Join(", ", parts)}";
            }
            case ToolNames.ApplyDescriptor:
            {
                string word = call.GetString("descriptor") ?? "?";
                string variant = call.GetString("variant") is { } v ? $" ({v})" : "";
                double i = call.GetNumber("intensity") ?? 0.6;
                string size = i < 0.45 ? "a little " : i > 0.85 ? "much " : "";
                string target = call.GetString("target") == ToolCallShapes.MixTarget ? "the mix" : call.GetString("target") ?? "?";
                return $"{target}: {size}{(call.GetBool("negate") == true ? "less" : "more")} {word}{variant}";
            }
            case ToolNames.MatchReference: return $"{(call.GetString("target") is "mix" or null ? "the mix" : call.GetString("target"))}: match {call.GetString("reference")}";
            case ToolNames.Commit:
                return call.Arguments["tracks"] is { } t ? $"apply the proposal for {string.Join(", ", t.AsArray().Select(x => x!.GetValue<string>()))}" : "apply the proposal";
            case ToolNames.Discard: return "drop the proposal";
            case ToolNames.Undo: return call.GetNumber("steps") is double n && n > 1 ? $"undo the last {n} changes" : "undo the last change";
            case ToolNames.Redo: return "redo";
            case ToolNames.Explain: return call.Track is { } t2 ? $"explain {call.GetString("parameter") ?? "settings"} on {t2}" : "explain the last change";
            case ToolNames.AnalyzeTrack: return $"measure {track}";
            case ToolNames.AnalyzeMix: return "measure the mix";
            case ToolNames.ListTracks: return "list the tracks";
            case ToolNames.BalanceLevels: return "balance the levels";
            case ToolNames.Render: return "render the mix";
            case ToolNames.Compare: return $"compare with {call.GetString("against") ?? "previous"}";
            default: return call.Name;
        }
    }

    public static string Summarize(IEnumerable<ToolCall> calls) => string.Join("; ", calls.Select(Describe));

    private static string Hz(double hz) => hz >= 1000
        ? (hz / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " kHz"
        : hz.ToString("0", CultureInfo.InvariantCulture) + " Hz";
}
