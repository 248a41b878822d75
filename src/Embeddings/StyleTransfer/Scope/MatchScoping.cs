using System.Globalization;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer.Scope;

/// <summary>
/// Takes part of a match (<see cref="MatchScope"/>): parameters of aspects not asked for, and tracks not named, stay
/// as they are now; the rest move <see cref="MatchScope.AmountPercent"/> of the way from the current console to the
/// matched one (dB values and pans linearly; a reverb send in amplitude, so half of a send from off is 6 dB under
/// it; a compressor's ratio toward 1:1; a stem the reference lacks fades by the amount and mutes only at 100 %).
/// Drivers of kept parameters stay, their sentences saying how much of the move was taken.
/// </summary>
public static class MatchScoping
{
    public static MatchResult Apply(MatchResult result, MatchScope scope, Func<string, TrackSettings> current, MasterSettings currentMaster, ReverbSettings currentReverb)
    {
        ArgumentNullException.ThrowIfNull(result);
        scope.Validated();
        if (scope.IsFull) return result;
        var named = scope.Tracks?.Select(n => result.Tracks.FirstOrDefault(t => string.Equals(t.Name, n, StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new ArgumentException($"No matched track is named \"{n}\" (tracks: {string.Join(", ", result.Tracks.Select(t => t.Name))}).")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        double k = scope.Amount;
        var a = scope.Aspects;
        var tracks = result.Tracks.Select(t =>
        {
            var now = current(t.Name);
            if (t.Silent || (named is not null && !named.Contains(t.Name))) return t with { Settings = t.Silent ? t.Settings : now };
            return t with { Settings = Track(now, t.Settings, a, k) };
        }).ToArray();
        bool wholeMix = named is null;
        var m = result.Master;
        var master = currentMaster with
        {
            Eq = wholeMix && (a.HasFlag(MatchAspect.MasterTone) || a.HasFlag(MatchAspect.Eq)) ? Eq(currentMaster.Eq, m.Eq, k) : currentMaster.Eq,
            OutputGainDb = wholeMix && a.HasFlag(MatchAspect.MasterTone) ? Lerp(currentMaster.OutputGainDb, m.OutputGainDb, k) : currentMaster.OutputGainDb,
            Compressor = wholeMix && a.HasFlag(MatchAspect.Dynamics) ? Compressor(currentMaster.Compressor, m.Compressor, k) : currentMaster.Compressor,
        };
        var reverb = wholeMix && a.HasFlag(MatchAspect.Space) ? result.Reverb : currentReverb;

        string note = string.Create(CultureInfo.InvariantCulture, $" (matched at {scope.AmountPercent:0} %: that much of the move is taken)");
        var drivers = result.Drivers.Where(d => Kept(d.Target, d.Parameter, a, named)).Select(d => k >= 1 ? d : d with
        {
            Value = Value(d.Target, d.Parameter, tracks, master) ?? d.Value,
            Sentence = d.Sentence.TrimEnd('.') + note + ".",
        }).ToArray();
        // The engine measured the whole match, not this part of it: no stale figures.
        return result with { Tracks = tracks, Master = master, Reverb = reverb, Drivers = drivers, Matched = null };
    }

    /// <summary>Whether a parameter (a driver's target and dotted name) belongs to the aspects and tracks asked for.</summary>
    public static bool Kept(string target, string parameter, MatchAspect aspects, ISet<string>? tracks)
    {
        bool master = target == ParameterDriver.MasterTarget;
        if (tracks is not null && (master || !tracks.Contains(target))) return false;
        return (aspects & AspectOf(parameter, master)) != 0;
    }

    /// <summary>The aspect a console parameter belongs to.</summary>
    public static MatchAspect AspectOf(string parameter, bool onMaster) => parameter switch
    {
        "gain_db" or "mute" => MatchAspect.Levels,
        "output_gain_db" => MatchAspect.MasterTone,
        "pan" or "width" => MatchAspect.PanWidth,
        "reverb_send_db" => MatchAspect.Space,
        _ when parameter.StartsWith("eq.", StringComparison.Ordinal) || parameter.StartsWith("high_pass", StringComparison.Ordinal) =>
            onMaster ? MatchAspect.Eq | MatchAspect.MasterTone : MatchAspect.Eq,
        _ when parameter.StartsWith("compressor.", StringComparison.Ordinal) => MatchAspect.Dynamics,
        _ => MatchAspect.Space,   // the reverb's own settings
    };

    private static TrackSettings Track(TrackSettings now, TrackSettings matched, MatchAspect a, double k)
    {
        var s = now;
        if (a.HasFlag(MatchAspect.Levels))
        {
            if (matched.Mute && !now.Mute)
                s = k >= 1 ? s with { Mute = true } : s with { GainDb = ConsoleRanges.GainDb.Clamp(now.GainDb + 20 * Math.Log10(Math.Max(1 - k, 1e-3))) };
            else s = s with { GainDb = Lerp(now.GainDb, matched.GainDb, k), Mute = matched.Mute && k >= 1 ? true : now.Mute && matched.Mute };
        }
        if (a.HasFlag(MatchAspect.PanWidth)) s = s with { Pan = Lerp(now.Pan, matched.Pan, k), Width = Lerp(now.Width, matched.Width, k) };
        if (a.HasFlag(MatchAspect.Eq)) s = s with { Eq = Eq(now.Eq, matched.Eq, k), HighPass = k >= 0.5 ? matched.HighPass : now.HighPass };
        if (a.HasFlag(MatchAspect.Dynamics)) s = s with { Compressor = Compressor(now.Compressor, matched.Compressor, k) };
        if (a.HasFlag(MatchAspect.Space)) s = s with { ReverbSendDb = Send(now.ReverbSendDb, matched.ReverbSendDb, k) };
        return s;
    }

    private static double Lerp(double from, double to, double k) => Math.Round(from + (to - from) * k, 3);

    private static ParametricEqSettings Eq(ParametricEqSettings now, ParametricEqSettings matched, double k)
    {
        var eq = now;
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
        {
            var from = now.Bands[b];
            var to = matched.Bands[b];
            // A band that was flat takes the matched band's place and shape; its gain moves by the amount.
            var shape = Math.Abs(from.GainDb) < 0.05 || k >= 0.5 ? to : from;
            eq = eq.WithBand(b, shape with { GainDb = Lerp(from.GainDb, to.GainDb, k) });
        }
        return eq;
    }

    private static CompressorSettings Compressor(CompressorSettings now, CompressorSettings matched, double k)
    {
        if (k >= 1) return matched;
        if (k <= 0) return now;
        if (!matched.Enabled) return now.Enabled ? now with { Ratio = Lerp(now.Ratio, 1, k), MakeupDb = Lerp(now.MakeupDb, 0, k) } : now;
        var from = now.Enabled ? now : matched with { Ratio = 1, MakeupDb = 0 };
        return matched with
        {
            ThresholdDb = Lerp(from.ThresholdDb, matched.ThresholdDb, k),
            Ratio = Lerp(from.Ratio, matched.Ratio, k),
            MakeupDb = Lerp(from.MakeupDb, matched.MakeupDb, k),
        };
    }

    private static double Send(double nowDb, double matchedDb, double k)
    {
        double from = ConsoleRanges.DbToLinear(nowDb), to = ConsoleRanges.DbToLinear(matchedDb);
        double v = from + (to - from) * k;
        return v <= 0 ? ConsoleRanges.OffDb : Math.Round(Math.Max(ConsoleRanges.OffDb, 20 * Math.Log10(v)), 2);
    }

    private static double? Value(string target, string parameter, IReadOnlyList<MatchedTrack> tracks, MasterSettings master)
    {
        if (target == ParameterDriver.MasterTarget)
            return parameter == "output_gain_db" ? master.OutputGainDb : BandGain(master.Eq, parameter);
        var t = tracks.FirstOrDefault(x => x.Name == target)?.Settings;
        if (t is null) return null;
        return parameter switch
        {
            "gain_db" => t.GainDb,
            "pan" => t.Pan,
            "width" => t.Width,
            "reverb_send_db" => t.ReverbSendDb,
            _ => BandGain(t.Eq, parameter),
        };
    }

    private static double? BandGain(ParametricEqSettings eq, string parameter)
    {
        // eq.band3.gain_db
        if (!parameter.StartsWith("eq.band", StringComparison.Ordinal) || !parameter.EndsWith(".gain_db", StringComparison.Ordinal)) return null;
        return int.TryParse(parameter.AsSpan(7, parameter.Length - 7 - 8), NumberStyles.None, CultureInfo.InvariantCulture, out int b) && b is >= 1 and <= ParametricEqSettings.BandCount
            ? eq.Bands[b - 1].GainDb : null;
    }
}
