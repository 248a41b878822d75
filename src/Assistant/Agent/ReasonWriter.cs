using System.Globalization;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The plain sentence behind a direct change (gain, pan, width, EQ, high-pass, compression, reverb, mute,
/// solo, master), from the explanation templates in prompts/, with the trade-off they name. The agent adds it
/// as the call's reason when the back-end gave none, so every change explains itself the same way.
/// </summary>
public static class ReasonWriter
{
    public static string? For(ToolCall call, ConsoleState console, PromptLibrary prompts)
    {
        string? template = PromptLibrary.TemplateFor(call);
        if (template is null or "descriptor" or "reference" or "balance") return null;
        string track = call.Track is null or ToolCallShapes.MixTarget ? "the mix" : DisplayText.Clean(call.Track);
        var values = new Dictionary<string, string> { ["track"] = track, ["other_track"] = "the other parts" };
        TrackSettingsView? strip = call.Track is { } t && t != ToolCallShapes.MixTarget && console.Tracks.TryGetValue(t, out var s) ? new(s) : null;
        string N(double v) => PromptLibrary.Number(v);
        switch (call.Name)
        {
            case ToolNames.SetGain when strip is not null:
            {
                double from = strip.Settings.GainDb;
                double to = call.GetNumber("gain_db") ?? from + (call.GetNumber("delta_db") ?? 0);
                values["delta_db"] = N(Math.Abs(to - from));
                values["from"] = Signed(from);
                values["to"] = Signed(to);
                break;
            }
            case ToolNames.SetPan when strip is not null:
            {
                double to = call.GetNumber("pan") ?? strip.Settings.Pan + (call.GetNumber("pan_delta") ?? 0);
                values["position"] = to == 0 ? "the centre" : $"{N(Math.Abs(to) * 100)}% {(to < 0 ? "left" : "right")}";
                break;
            }
            case ToolNames.SetWidth when strip is not null:
            {
                double from = strip.Settings.Width;
                values["from"] = N(from);
                values["to"] = N(call.GetNumber("width") ?? from + (call.GetNumber("width_delta") ?? 0));
                break;
            }
            case ToolNames.SetEqBand:
            {
                double gain = call.GetNumber("delta_db") ?? call.GetNumber("gain_db") ?? 0;
                double hz = call.GetNumber("freq_hz") ?? 1000;
                values["gain_db"] = N(Math.Abs(gain));
                values["freq"] = hz >= 1000 ? N(hz / 1000) + " kHz" : N(hz) + " Hz";
                values["region"] = PromptLibrary.RegionWords(new Embeddings.Descriptors.EqMove(
                    call.GetString("type") switch { "low_shelf" => Embeddings.Descriptors.EqMoveType.LowShelf, "high_shelf" => Embeddings.Descriptors.EqMoveType.HighShelf, _ => Embeddings.Descriptors.EqMoveType.Peak },
                    hz, gain, 1));
                break;
            }
            case ToolNames.SetHighPass:
                values["freq"] = N(call.GetNumber("freq_hz") ?? 100) + " Hz";
                if (call.GetBool("enabled") == false) return $"I switched off the high-pass on {track}.";
                break;
            case ToolNames.SetCompressor:
                // The thresholds and ratios come from the tool; the sentence says what the move does.
                return call.GetNumber("steps") is double steps
                    ? (steps > 0 ? $"I compressed {track} more, so its level stays more even and it holds its place; too much and it loses punch."
                                 : $"I eased the compression on {track}, which brings back its dynamics and attack; its level will move around more.")
                    : call.GetBool("enabled") == false ? $"I switched off the compressor on {track}; it gets its full dynamics back."
                    : call.GetNumber("threshold_db") is double threshold && call.GetNumber("ratio") is double ratio
                        ? prompts.Fill("compression-more", new Dictionary<string, string> { ["track"] = track, ["threshold_db"] = N(threshold), ["ratio"] = N(ratio) })
                    : null;
            case ToolNames.SetReverb when strip is not null:
            {
                double from = strip.Settings.ReverbSendDb;
                double to = call.GetNumber("send_db") ?? Math.Max(from, ConsoleRanges.FirstSendDb) + (call.GetNumber("send_delta_db") ?? 0);
                values["from"] = from <= Mixwright.Dsp.Parameters.ConsoleRanges.OffDb ? "off" : N(from);
                values["to"] = to <= Mixwright.Dsp.Parameters.ConsoleRanges.OffDb ? "off" : N(to);
                break;
            }
            case ToolNames.SetMaster:
                if (call.GetNumber("loudness_target_lufs") is double lufs) values["lufs"] = N(lufs);
                values["delta_db"] = Signed(call.GetNumber("output_gain_delta_db") ?? (call.GetNumber("output_gain_db") ?? console.Master.OutputGainDb) - console.Master.OutputGainDb);
                values["ceiling_dbtp"] = N(console.Master.Limiter.CeilingDbtp);
                break;
            case ToolNames.SetMute when call.GetBool("muted") == false:
                return $"I unmuted {track}; it plays again exactly as it was.";
            case ToolNames.SetSolo when call.GetBool("soloed") == false:
                return $"I took the solo off {track}.";
            case ToolNames.SetMute or ToolNames.SetSolo:
                break;
            default:
                return null;
        }
        try { return prompts.Fill(template, values); }
        catch (ArgumentException) { return null; }
    }

    private static string Signed(double v) => (v > 0 ? "+" : "") + v.ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record TrackSettingsView(Mixwright.Dsp.Parameters.TrackSettings Settings);
}
