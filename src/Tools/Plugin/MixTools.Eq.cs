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

/// <summary>EQ tools: parametric bands, the high-pass and resetting the EQ.</summary>
public sealed partial class MixTools
{
    [KernelFunction("set_eq_band")]
    [Description("Proposes an EQ change on a track (or the master): {BandCount} bands, band 1 a low shelf, the middle ones peaking bells, the last a high shelf. Either name the band, or give type and freq_hz and the tool picks the band (a bell already working within half an octave is reused, else a free one). gain_db sets the band's boost (+) or cut (-); delta_db adds to what the band does now. Nothing changes until commit.")]
    public string SetEqBand(
        [Description(TrackOrMasterHelp)] string track,
        [Description("Band number 1 to {BandCount}; omit to let the tool choose from type and freq_hz.")] int? band = null,
        [Description("\"peak\" (a bell), \"low_shelf\" or \"high_shelf\"; used when band is omitted (default \"peak\").")] string type = "",
        [Description("Centre or corner frequency, {EqFrequencyHz}; needed when band is omitted.")] double? freq_hz = null,
        [Description("The band's boost (+) or cut (-), {EqGainDb}.")] double? gain_db = null,
        [Description("Change of the band's current gain in dB (\"cut 3 dB more\" is -3); the result must stay within {EqGainDb}.")] double? delta_db = null,
        [Description("Bandwidth Q, {EqQ} (low is wide, high is narrow); for shelves it sets the slope; omit to keep.")] double? q = null,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        if (gain_db is not null && delta_db is not null) throw new SessionException("Give gain_db or delta_db, not both.");
        var target = TrackOrMaster(track);
        var eq = Eq(target);
        EqBandType? wanted = string.IsNullOrWhiteSpace(type) ? null : ParseBandType(type);
        if (band is int b)
        {
            if (b < 1 || b > ParametricEqSettings.BandCount)
                throw new SessionException($"band must be 1 to {ParametricEqSettings.BandCount} (1 low shelf, 2-{ParametricEqSettings.BandCount - 1} peaking, {ParametricEqSettings.BandCount} high shelf) (got {b}).");
            if (wanted is EqBandType t && eq.Bands[b - 1].Type != t)
                throw new SessionException($"band {b} is a {BandTypeWords(eq.Bands[b - 1].Type)}, not a {BandTypeWords(t)}; omit band to let the tool choose.");
            if (freq_hz is null && gain_db is null && delta_db is null && q is null)
                throw new SessionException("set_eq_band needs at least one of freq_hz, gain_db, delta_db or q.");
            var current = eq.Bands[b - 1];
            double? gain = gain_db ?? (delta_db is double d ? current.GainDb + d : null);
            return BandRequests(target, b, current, freq_hz, gain, q, reason, user_words, measurement);
        }
        if (freq_hz is not double hz) throw new SessionException("Without a band number, set_eq_band needs freq_hz (and type, default peak) to choose the band.");
        if (gain_db is null && delta_db is null) throw new SessionException("Without a band number, set_eq_band needs gain_db or delta_db.");
        ConsoleRanges.EqFrequencyHz.Validate(hz, DisplayText.Clean(target.ToString()));
        var plan = EqPlanner.Plan(eq, wanted ?? EqBandType.Peaking, hz, gain_db, delta_db, q);
        return BandRequests(target, plan.Band, plan.Before, plan.After.FrequencyHz, plan.After.GainDb, plan.After.Q, reason, user_words, measurement);
    });

    [KernelFunction("set_high_pass")]
    [Description("Proposes a track's high-pass (low-cut) filter, 12 dB per octave: give freq_hz to switch it on at that cutoff, or enabled=false to bypass it. Removes rumble and low build-up from parts that need no lows. Nothing changes until commit.")]
    public string SetHighPass(
        [Description(TrackHelp)] string track,
        [Description("Cutoff frequency, {HighPassFrequencyHz}; switches the filter on unless enabled=false.")] double? freq_hz = null,
        [Description("false to bypass the filter, true to switch it on at its current cutoff.")] bool? enabled = null,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        var target = TrackTarget(track);
        if (freq_hz is null && enabled is null) throw new SessionException("set_high_pass needs freq_hz or enabled.");
        var requests = new List<ChangeRequest>
        {
            Request(target, "high_pass.enabled", ParameterValue.Of(enabled ?? true), reason, user_words, measurement),
        };
        if (freq_hz is double f) requests.Add(Request(target, "high_pass.freq_hz", ParameterValue.Of(f), reason, user_words, measurement));
        return requests;
    });

    [KernelFunction("reset_eq")]
    [Description("Proposes returning every band of a track's (or the master's) EQ to flat: 0 dB gain at the default frequencies and Q. The high-pass filter is not affected. Nothing changes until commit.")]
    public string ResetEq(
        [Description(TrackOrMasterHelp)] string track,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "") => Change(() =>
    {
        var target = TrackOrMaster(track);
        var flat = ParametricEqSettings.Flat.Bands;
        var requests = new List<ChangeRequest>();
        string sentence = Or(reason, $"I reset the EQ of {DisplayText.Clean(target.ToString())} to flat.");
        for (int band = 1; band <= flat.Length; band++)
        {
            var b = flat[band - 1];
            requests.Add(Request(target, ParameterCatalog.EqBand(band, "freq_hz"), ParameterValue.Of(b.FrequencyHz), sentence, user_words, ""));
            requests.Add(Request(target, ParameterCatalog.EqBand(band, "gain_db"), ParameterValue.Of(b.GainDb), sentence, user_words, ""));
            requests.Add(Request(target, ParameterCatalog.EqBand(band, "q"), ParameterValue.Of(b.Q), sentence, user_words, ""));
        }
        return requests;
    });
}
