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

/// <summary>Channel-strip tools: level, pan, width, mute and solo.</summary>
public sealed partial class MixTools
{
    [KernelFunction("set_gain")]
    [Description("Proposes a track's gain (its level in the mix), in dB: absolute with gain_db, or relative to the current gain with delta_db (\"down 3 dB\" is delta_db -3). Give exactly one. Nothing changes until commit.")]
    public string SetGain(
        [Description(TrackHelp)] string track,
        [Description("New gain in dB (absolute), {GainDb}.")] double? gain_db = null,
        [Description("Change of the current gain in dB (+ louder, - quieter); the result must stay within {GainDb}.")] double? delta_db = null,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        var target = TrackTarget(track);
        double to = AbsoluteOrDelta(target, "gain_db", gain_db, delta_db, "gain_db", "delta_db");
        return [Request(target, "gain_db", ParameterValue.Of(to), reason, user_words, measurement)];
    });

    [KernelFunction("set_pan")]
    [Description("Proposes a track's pan position: -1 hard left, 0 centre, +1 hard right; absolute with pan, or relative with pan_delta (\"a little left\" is about -0.15). Give exactly one. Nothing changes until commit.")]
    public string SetPan(
        [Description(TrackHelp)] string track,
        [Description("Pan, {Pan}: -1 hard left, 0 centre, +1 hard right.")] double? pan = null,
        [Description("Move from the current pan (- left, + right); the result must stay within {Pan}.")] double? pan_delta = null,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        var target = TrackTarget(track);
        double to = AbsoluteOrDelta(target, "pan", pan, pan_delta, "pan", "pan_delta");
        return [Request(target, "pan", ParameterValue.Of(Math.Round(to, 3)), reason, user_words, measurement)];
    });

    [KernelFunction("set_width")]
    [Description("Proposes a track's stereo width (mid/side): 0 mono, 1 as recorded, 2 twice as wide; absolute with width, or relative with width_delta. Give exactly one. Only stereo stems get wider. Nothing changes until commit.")]
    public string SetWidth(
        [Description(TrackHelp)] string track,
        [Description("Width, {Width}: 0 mono, 1 as recorded, 2 twice as wide.")] double? width = null,
        [Description("Change of the current width (+ wider, - narrower); the result must stay within {Width}.")] double? width_delta = null,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        var target = TrackTarget(track);
        // The engine's width is mid/side: a mono stem has no side, so a width change would do nothing.
        var stem = _session.ResolveTrack(target.Track);
        if (_analyses.Cached(stem).Analysis is { ChannelCount: 1 })
            throw new SessionException($"{DisplayText.Quote(stem.Name)} is a mono stem, so it has no stereo width to change; pan places it instead.");
        double to = AbsoluteOrDelta(target, "width", width, width_delta, "width", "width_delta");
        return [Request(target, "width", ParameterValue.Of(Math.Round(to, 3)), reason, user_words, measurement)];
    });

    [KernelFunction("set_mute")]
    [Description("Proposes muting or unmuting a track. Nothing changes until commit.")]
    public string SetMute(
        [Description(TrackHelp)] string track,
        [Description("true to mute, false to unmute.")] bool muted,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "") => Change(() =>
        [Request(TrackTarget(track), "mute", ParameterValue.Of(muted), reason, user_words, "")]);

    [KernelFunction("set_solo")]
    [Description("Proposes soloing or unsoloing a track; while any track is soloed only soloed tracks are heard. Nothing changes until commit.")]
    public string SetSolo(
        [Description(TrackHelp)] string track,
        [Description("true to solo, false to unsolo.")] bool soloed,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "") => Change(() =>
        [Request(TrackTarget(track), "solo", ParameterValue.Of(soloed), reason, user_words, "")]);
}
