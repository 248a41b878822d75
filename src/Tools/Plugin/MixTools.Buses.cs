using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Balance;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Plugin;

/// <summary>Bus tools: the reverb bus and the master bus.</summary>
public sealed partial class MixTools
{
    [KernelFunction("set_reverb")]
    [Description("Proposes reverb changes: a track's send to the shared reverb (send_db or send_delta_db, needs track) and/or the reverb bus itself (return level, decay time, pre-delay, damping), each absolute or as a delta. A send that is off starts from " + FirstSendText + " when a delta raises it. Nothing changes until commit.")]
    public string SetReverb(
        [Description(TrackHelp + " Needed only with send_db or send_delta_db.")] string track = "",
        [Description("Track's send level, {ReverbSendDb}; the minimum is off.")] double? send_db = null,
        [Description("Change of the track's send in dB (+ wetter, - drier).")] double? send_delta_db = null,
        [Description("Reverb return level on the master, {ReverbReturnDb}; the minimum is off.")] double? return_db = null,
        [Description("Change of the reverb return in dB.")] double? return_delta_db = null,
        [Description("Decay time (RT60), {ReverbDecayS}.")] double? decay_s = null,
        [Description("Change of the decay time in seconds (+ longer tail).")] double? decay_delta_s = null,
        [Description("Pre-delay, {ReverbPreDelayMs}.")] double? pre_delay_ms = null,
        [Description("Damping, {ReverbDamping}: 0 bright tail, 1 dark tail.")] double? damping = null,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        var requests = new List<ChangeRequest>();
        if (send_db is not null || send_delta_db is not null)
        {
            if (string.IsNullOrWhiteSpace(track)) throw new SessionException("A send change needs a track: whose send should change?");
            var target = TrackTarget(track);
            double to = AbsoluteOrDelta(target, "reverb_send_db", send_db, send_delta_db, "send_db", "send_delta_db", ConsoleRanges.FirstSendDb);
            requests.Add(Request(target, "reverb_send_db", ParameterValue.Of(to), reason, user_words, measurement));
        }
        else if (!string.IsNullOrWhiteSpace(track))
        {
            throw new SessionException("A track was named but no send_db or send_delta_db given; give one for the track's send, or leave track empty for the reverb bus.");
        }
        var bus = MixTarget.Reverb;
        if (return_db is not null || return_delta_db is not null)
            requests.Add(Request(bus, "return_db", ParameterValue.Of(AbsoluteOrDelta(bus, "return_db", return_db, return_delta_db, "return_db", "return_delta_db", ConsoleRanges.FirstSendDb)), reason, user_words, measurement));
        if (decay_s is not null || decay_delta_s is not null)
            requests.Add(Request(bus, "decay_s", ParameterValue.Of(Math.Round(AbsoluteOrDelta(bus, "decay_s", decay_s, decay_delta_s, "decay_s", "decay_delta_s"), 2)), reason, user_words, measurement));
        if (pre_delay_ms is double pd) requests.Add(Request(bus, "pre_delay_ms", ParameterValue.Of(pd), reason, user_words, measurement));
        if (damping is double dm) requests.Add(Request(bus, "damping", ParameterValue.Of(dm), reason, user_words, measurement));
        if (requests.Count == 0) throw new SessionException("set_reverb needs send_db or send_delta_db (with a track), or one of return_db, return_delta_db, decay_s, decay_delta_s, pre_delay_ms, damping.");
        return requests;
    });

    [KernelFunction("set_master")]
    [Description("Proposes master-bus settings: output gain (absolute or delta), the true-peak limiter and the loudness target the render is normalised to. (Master EQ and compressor: use set_eq_band / set_compressor with track \"master\".) Nothing changes until commit.")]
    public string SetMaster(
        [Description("Master output gain, {OutputGainDb}.")] double? output_gain_db = null,
        [Description("Change of the master output gain in dB; the result must stay within {OutputGainDb}.")] double? output_gain_delta_db = null,
        [Description("true to switch the limiter on, false to bypass it.")] bool? limiter_enabled = null,
        [Description("Limiter true-peak ceiling, {CeilingDbtp} (streaming platforms like -1).")] double? ceiling_dbtp = null,
        [Description("Limiter release, {LimiterReleaseMs}.")] double? limiter_release_ms = null,
        [Description("Integrated loudness target, {LoudnessTargetLufs} (streaming services play at about -14).")] double? loudness_target_lufs = null,
        [Description("true to switch loudness normalisation off.")] bool loudness_target_off = false,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        if (loudness_target_off && loudness_target_lufs is not null)
            throw new SessionException("Give either loudness_target_lufs or loudness_target_off, not both.");
        var m = MixTarget.Master;
        var requests = new List<ChangeRequest>();
        if (output_gain_db is not null || output_gain_delta_db is not null)
            requests.Add(Request(m, "output_gain_db", ParameterValue.Of(AbsoluteOrDelta(m, "output_gain_db", output_gain_db, output_gain_delta_db, "output_gain_db", "output_gain_delta_db")), reason, user_words, measurement));
        if (limiter_enabled is bool on) requests.Add(Request(m, "limiter.enabled", ParameterValue.Of(on), reason, user_words, measurement));
        if (ceiling_dbtp is double c) requests.Add(Request(m, "limiter.ceiling_dbtp", ParameterValue.Of(c), reason, user_words, measurement));
        if (limiter_release_ms is double rel) requests.Add(Request(m, "limiter.release_ms", ParameterValue.Of(rel), reason, user_words, measurement));
        if (loudness_target_lufs is double t) requests.Add(Request(m, "loudness_target_lufs", ParameterValue.Of(t), reason, user_words, measurement));
        if (loudness_target_off) requests.Add(Request(m, "loudness_target_lufs", ParameterValue.Off, reason, user_words, measurement));
        if (requests.Count == 0)
            throw new SessionException("set_master needs one of output_gain_db, output_gain_delta_db, limiter_enabled, ceiling_dbtp, limiter_release_ms, loudness_target_lufs, loudness_target_off.");
        return requests;
    });
}
