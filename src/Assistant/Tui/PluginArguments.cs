using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Mixwright.Assistant.Agent;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// The local interpreter speaks in moves ("gain +3 dB", "cut 2 dB around 300 Hz") while the mix plugin takes
/// settings ("gain +3 dB", "band 3 at 300 Hz, -2 dB"). This reads a move against the console as it is now and
/// names the plugin arguments it becomes; calls already shaped like the plugin's pass through. Shapes the
/// plugin has no counterpart for (width, high-pass, "more compression", a partial commit) are refused with a
/// message saying so, never guessed at.
/// </summary>
internal static class PluginArguments
{
    /// <summary>The plugin function's name and arguments for the call, or the reason it cannot be bound.</summary>
    public static (string Function, KernelArguments? Arguments, string? Problem) For(ToolCall call, MixSession session, string userWords)
    {
        try
        {
            var (function, arguments) = Bind(call, session, userWords);
            return (function, arguments, null);
        }
        catch (UnboundCall e)
        {
            return (call.Name, null, e.Message);
        }
    }

    private sealed class UnboundCall(string message) : Exception(message);

    private static (string, KernelArguments) Bind(ToolCall call, MixSession session, string userWords)
    {
        var console = session.Console;
        string reason = Sentence(CallDescriber.Describe(call));
        KernelArguments Change(params (string Name, object? Value)[] values)
        {
            var arguments = new KernelArguments { ["reason"] = reason, ["user_words"] = userWords };
            foreach (var (name, value) in values) if (value is not null) arguments[name] = value;
            return arguments;
        }

        switch (call.Name)
        {
            case ToolNames.SetGain:
            {
                var a = call.ArgumentsAs<SetGainArgs>();
                string track = session.ResolveTrack(a.Track).Name;
                return (call.Name, Change(("track", track), ("gain_db", a.GainDb ?? console.Track(track).GainDb + (a.DeltaDb ?? 0))));
            }
            case ToolNames.SetPan:
            {
                var a = call.ArgumentsAs<SetPanArgs>();
                if (a.Width is not null || a.WidthDelta is not null)
                    throw new UnboundCall("the mix tools have no stereo-width control yet, so I cannot change the width.");
                string track = session.ResolveTrack(a.Track).Name;
                return (call.Name, Change(("track", track), ("pan", a.Pan ?? console.Track(track).Pan + (a.Delta ?? 0))));
            }
            case ToolNames.SetEqBand:
            {
                var a = call.ArgumentsAs<SetEqBandArgs>();
                if (a.Type == "high_pass") throw new UnboundCall("the mix tools have no high-pass control yet, so I cannot set a low cut.");
                var target = session.ResolveTarget(a.Track);
                var eq = target.Scope == TargetScope.Master ? console.Master.Eq : console.Track(target.Track!).Eq;
                int band = BandFor(a.Type, a.FreqHz, eq);
                double gain = a.GainDb ?? eq.Bands[band - 1].GainDb + (a.DeltaDb ?? 0);
                return (call.Name, Change(("track", target.Scope == TargetScope.Master ? "master" : target.Track), ("band", band),
                    ("freq_hz", a.FreqHz), ("gain_db", gain), ("q", a.Q)));
            }
            case ToolNames.SetCompressor:
            {
                var a = call.ArgumentsAs<SetCompressorArgs>();
                if (a.Amount is not null)
                    throw new UnboundCall($"\"{a.Amount} compression\" needs settings chosen from the track's level, which the mix tools do not do yet; give a threshold or ratio instead (\"compress the vocal, ratio 3\").");
                return (call.Name, Change(("track", a.Track), ("enabled", a.Enabled), ("threshold_db", a.ThresholdDb), ("ratio", a.Ratio),
                    ("attack_ms", a.AttackMs), ("release_ms", a.ReleaseMs), ("makeup_db", a.MakeupDb)));
            }
            case ToolNames.SetReverb:
            {
                var a = call.ArgumentsAs<SetReverbArgs>();
                double? send = a.Track is null ? null : a.SendDb ?? (a.SendDeltaDb is double sd ? Moved(console.Track(session.ResolveTrack(a.Track).Name).ReverbSendDb, sd) : null);
                double? ret = a.ReturnDeltaDb is double rd ? Moved(console.Reverb.ReturnDb, rd) : null;
                double? decay = a.DecayS ?? (a.DecayDeltaS is double dd ? console.Reverb.DecayS + dd : null);
                return (call.Name, Change(("track", a.Track is null ? "" : session.ResolveTrack(a.Track).Name), ("send_db", send), ("return_db", ret), ("decay_s", decay)));
            }
            case ToolNames.SetMute:
            {
                var a = call.ArgumentsAs<SetMuteArgs>();
                return (call.Name, Change(("track", a.Track), ("muted", a.Mute)));
            }
            case ToolNames.SetSolo:
            {
                var a = call.ArgumentsAs<SetSoloArgs>();
                return (call.Name, Change(("track", a.Track), ("soloed", a.Solo)));
            }
            case ToolNames.SetMaster:
            {
                var a = call.ArgumentsAs<SetMasterArgs>();
                if (a.Compression is not null || a.EqFreqHz is not null)
                    throw new UnboundCall("bus compression and master EQ moves need the agent's planning, which this build does not have yet; name a master setting (\"master gain -2 dB\", \"loudness target -14\").");
                double? gain = a.GainDb ?? (a.GainDeltaDb is double gd ? console.Master.OutputGainDb + gd : null);
                return (call.Name, Change(("output_gain_db", gain), ("ceiling_dbtp", a.CeilingDbtp), ("loudness_target_lufs", a.LoudnessTargetLufs)));
            }
            case ToolNames.ApplyDescriptor:
            {
                var a = call.ArgumentsAs<ApplyDescriptorArgs>();
                string word = (a.Negate ? "less " : "") + a.Descriptor;
                return (call.Name, Change(("word", word), ("track", a.Target == ToolCallShapes.MixTarget ? "" : a.Target)));
            }
            case ToolNames.MatchReference:
            {
                var a = call.ArgumentsAs<MatchReferenceArgs>();
                return (call.Name, Change(("reference_file", a.Reference), ("track", a.Target == ToolCallShapes.MixTarget ? "" : a.Target)));
            }
            case ToolNames.Explain:
            {
                var a = call.ArgumentsAs<ExplainArgs>();
                if (a.Track is null || a.Parameter is null)
                    throw new UnboundCall("ask about one track and one setting, e.g. \"why is the vocal gain like that?\" (or select it in the tracks pane and press ?).");
                return (call.Name, new KernelArguments { ["track"] = a.Track, ["parameter"] = a.Parameter });
            }
            case ToolNames.Commit:
                if (call.ArgumentsAs<CommitArgs>().Tracks is { Count: > 0 })
                    throw new UnboundCall("the mix tools apply a proposal whole; press e in the proposal pane to change a value, or d to discard it.");
                return (call.Name, new KernelArguments());
            case ToolNames.Compare:
            {
                string against = call.ArgumentsAs<CompareArgs>().Against ?? "previous";
                return (call.Name, new KernelArguments { ["a"] = against == "original" ? "initial" : against, ["b"] = "current" });
            }
            case ToolNames.Render:
                return (call.Name, new KernelArguments { ["output_file"] = call.ArgumentsAs<RenderArgs>().Path ?? "" });
            case ToolNames.Undo:
            case ToolNames.Redo:
                // Repeated steps are expanded by the caller; the plugin takes none.
                return (call.Name, new KernelArguments());
            default:
                return (call.Name, FromJson(call.Arguments));
        }
    }

    /// <summary>How many times an undo or redo call asks to step.</summary>
    public static int Steps(ToolCall call) => call.Name is ToolNames.Undo or ToolNames.Redo
        ? Math.Max(1, call.ArgumentsAs<HistoryStepArgs>().Steps ?? 1)
        : 1;

    /// <summary>
    /// A peaking move goes to the bell already working near that frequency (within a third of an octave),
    /// else to the nearest flat bell, else the nearest bell; shelves go to the outer bands.
    /// </summary>
    private static int BandFor(string type, double frequencyHz, ParametricEqSettings eq)
    {
        if (type == "low_shelf") return 1;
        if (type == "high_shelf") return ParametricEqSettings.BandCount;
        var bells = Enumerable.Range(2, ParametricEqSettings.BandCount - 2)
            .Select(band => (Band: band, Setting: eq.Bands[band - 1], Octaves: Math.Abs(Math.Log2(eq.Bands[band - 1].FrequencyHz / frequencyHz))))
            .OrderBy(b => b.Octaves)
            .ToList();
        var working = bells.FirstOrDefault(b => !b.Setting.IsFlat && b.Octaves <= 1.0 / 3);
        if (working.Band != 0) return working.Band;
        var flat = bells.FirstOrDefault(b => b.Setting.IsFlat);
        return flat.Band != 0 ? flat.Band : bells[0].Band;
    }

    /// <summary>A send or return moved by a delta; the interpreter says "off" with a delta at the off level.</summary>
    private static double Moved(double current, double delta) =>
        delta <= ConsoleRanges.OffDb ? ConsoleRanges.OffDb : current + delta;

    private static KernelArguments FromJson(JsonObject json)
    {
        var arguments = new KernelArguments();
        foreach (var (name, node) in json)
        {
            arguments[name] = node switch
            {
                JsonValue v when v.TryGetValue(out bool b) => b,
                JsonValue v when v.TryGetValue(out int i) => i,
                JsonValue v when v.TryGetValue(out double d) => d,
                JsonValue v when v.TryGetValue(out string? s) => s,
                null => null,
                _ => node.ToJsonString(),
            };
        }
        return arguments;
    }

    private static string Sentence(string text)
    {
        string t = text.Trim();
        if (t.Length == 0) return t;
        return char.ToUpper(t[0], CultureInfo.InvariantCulture) + t[1..] + (t.EndsWith('.') ? "" : ", as you asked.");
    }
}
