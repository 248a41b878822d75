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

/// <summary>Dynamics tools: the channel and master compressors.</summary>
public sealed partial class MixTools
{
    [KernelFunction("set_compressor")]
    [Description("Proposes compressor settings for a track or the master. Either give steps (+1 one clear step more compression, -1 one step less; the tool picks threshold and ratio from the track's measured level) or explicit values; setting a value turns the compressor on unless enabled=false. Typical vocal: threshold -20 dB, ratio 3, attack 10 ms, release 100 ms. Nothing changes until commit.")]
    public string SetCompressor(
        [Description(TrackOrMasterHelp)] string track,
        [Description("true to switch on, false to bypass; omit to switch on when other values are given.")] bool? enabled = null,
        [Description("Relative change, -3 to +3 (fractions allowed): +1 is one clear step more compression (threshold 4 dB lower, ratio higher), -1 one step less. Not with explicit values.")] double? steps = null,
        [Description("Threshold, {ThresholdDb}.")] double? threshold_db = null,
        [Description("Ratio, {Ratio} (4 means 4:1).")] double? ratio = null,
        [Description("Attack, {AttackMs}.")] double? attack_ms = null,
        [Description("Release, {ReleaseMs}.")] double? release_ms = null,
        [Description("Soft-knee width, {KneeDb}.")] double? knee_db = null,
        [Description("Make-up gain after compression, {MakeupDb}.")] double? makeup_db = null,
        [Description(ReasonHelp)] string reason = "",
        [Description(UserWordsHelp)] string user_words = "",
        [Description(MeasurementHelp)] string measurement = "") => Change(() =>
    {
        var target = TrackOrMaster(track);
        var values = new (string Name, double? Value)[]
        {
            ("threshold_db", threshold_db), ("ratio", ratio), ("attack_ms", attack_ms),
            ("release_ms", release_ms), ("knee_db", knee_db), ("makeup_db", makeup_db),
        };
        if (steps is double s)
        {
            if (enabled is not null || values.Any(v => v.Value is not null))
                throw new SessionException("Give steps or explicit compressor values (enabled, threshold_db, ratio...), not both.");
            return CompressorStepRequests(target, s, reason, user_words, measurement);
        }
        if (enabled is null && values.All(v => v.Value is null))
            throw new SessionException("set_compressor needs steps, enabled, or at least one of threshold_db, ratio, attack_ms, release_ms, knee_db, makeup_db.");
        var requests = new List<ChangeRequest>();
        bool on = enabled ?? true;
        requests.Add(Request(target, "compressor.enabled", ParameterValue.Of(on), reason, user_words, measurement));
        foreach (var (name, value) in values)
            if (value is double v) requests.Add(Request(target, "compressor." + name, ParameterValue.Of(v), reason, user_words, measurement));
        return requests;
    });
}
