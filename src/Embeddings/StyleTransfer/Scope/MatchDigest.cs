using System.Globalization;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer.Scope;

/// <summary>One audible change of a match, with its reason and how much it does (<see cref="Effect"/>, for ranking).</summary>
public sealed record DigestChange(string Parameter, string Text, double Effect, string Reason);

/// <summary>A track's (or the master's) audible changes, strongest first.</summary>
public sealed record DigestTarget(string Target, IReadOnlyList<DigestChange> Changes)
{
    public double Effect => Changes.Sum(c => c.Effect);
}

/// <summary>
/// A match as a person reads it: the parameters that change audibly (<see cref="InaudibleChange"/> drops the rest,
/// and an EQ band's gain, frequency and Q fold into one line), grouped by track and ranked by their measured
/// effect (the driver's share of the feature loss the move removes, or the fit's level change), each with its
/// reason, so the top few can be shown and the rest be one key (or --all) away.
/// </summary>
public sealed record MatchDigest(IReadOnlyList<DigestTarget> Targets, int Dropped)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public int Count => Targets.Sum(t => t.Changes.Count);

    public static MatchDigest Build(MatchResult result, Func<string, TrackSettings> current, MasterSettings currentMaster)
    {
        int dropped = 0;
        var targets = new List<DigestTarget>();
        foreach (var t in result.Tracks.Where(t => !t.Silent))
        {
            var changes = Strip(t.Name, current(t.Name), t.Settings, result, ref dropped);
            if (changes.Count > 0) targets.Add(new DigestTarget(t.Name, changes));
        }
        var master = new List<DigestChange>();
        Level(master, ParameterDriver.MasterTarget, "output_gain_db", "master gain", currentMaster.OutputGainDb, result.Master.OutputGainDb, result, ref dropped);
        Bands(master, ParameterDriver.MasterTarget, currentMaster.Eq, result.Master.Eq, result, ref dropped);
        Compressor(master, ParameterDriver.MasterTarget, currentMaster.Compressor, result.Master.Compressor, result, ref dropped);
        if (master.Count > 0) targets.Add(new DigestTarget(ParameterDriver.MasterTarget, master.OrderByDescending(c => c.Effect).ToArray()));
        return new MatchDigest(targets.OrderByDescending(t => t.Effect).ToArray(), dropped);
    }

    /// <summary>The strongest <paramref name="top"/> changes as lines ("  piano  gain -4.2 dB: because ..."), then how many more there are.</summary>
    public IEnumerable<string> Lines(int top)
    {
        var ranked = Targets.SelectMany(t => t.Changes.Select(c => (t.Target, Change: c))).OrderByDescending(x => x.Change.Effect).ToArray();
        var shown = ranked.Take(top).ToHashSet();
        foreach (var target in Targets)
        {
            var lines = target.Changes.Where(c => shown.Contains((target.Target, c))).ToArray();
            if (lines.Length == 0) continue;
            yield return $"  {target.Target}:";
            foreach (var c in lines) yield return $"    {c.Text} — {c.Reason}";
        }
        if (ranked.Length > top) yield return $"  ... and {ranked.Length - top} smaller changes (--all shows them, and \"why?\" explains any).";
        if (Dropped > 0) yield return $"  ({Dropped} settings that would change nothing audible were left out.)";
    }

    private static List<DigestChange> Strip(string name, TrackSettings now, TrackSettings to, MatchResult result, ref int dropped)
    {
        var list = new List<DigestChange>();
        if (to.Mute && !now.Mute)
            list.Add(new DigestChange("mute", "off (muted)", 100, Reason(result, name, "mute") ?? "the reference does not contain it."));
        Level(list, name, "gain_db", "gain", now.GainDb, to.GainDb, result, ref dropped);
        if (InaudibleChange.Is("pan", now.Pan, to.Pan)) dropped += now.Pan.Equals(to.Pan) ? 0 : 1;
        else list.Add(new DigestChange("pan", $"pan {PanText(now.Pan)} -> {PanText(to.Pan)}", Effect(result, name, "pan", Math.Abs(to.Pan - now.Pan) * 3),
            Reason(result, name, "pan") ?? "set by the match."));
        if (InaudibleChange.Is("width", now.Width, to.Width)) dropped += now.Width.Equals(to.Width) ? 0 : 1;
        else list.Add(new DigestChange("width", string.Create(Inv, $"width {now.Width:0.00} -> {to.Width:0.00}"), Math.Abs(to.Width - now.Width) * 3, Reason(result, name, "width") ?? "set by the match."));
        Bands(list, name, now.Eq, to.Eq, result, ref dropped);
        Compressor(list, name, now.Compressor, to.Compressor, result, ref dropped);
        if (InaudibleChange.Is("reverb_send_db", now.ReverbSendDb, to.ReverbSendDb)) dropped += now.ReverbSendDb.Equals(to.ReverbSendDb) ? 0 : 1;
        else list.Add(new DigestChange("reverb_send_db", $"reverb send {SendText(now.ReverbSendDb)} -> {SendText(to.ReverbSendDb)}",
            Effect(result, name, "reverb_send_db", Math.Abs(InaudibleChange.Send(to.ReverbSendDb) - InaudibleChange.Send(now.ReverbSendDb)) / 20),
            Reason(result, name, "reverb_send_db") ?? "set by the match."));
        return list.OrderByDescending(c => c.Effect).ToList();
    }

    private static void Level(List<DigestChange> list, string target, string parameter, string label, double from, double to, MatchResult result, ref int dropped)
    {
        if (InaudibleChange.Is(parameter, from, to)) { dropped += from.Equals(to) ? 0 : 1; return; }
        list.Add(new DigestChange(parameter, string.Create(Inv, $"{label} {from:+0.0;-0.0;0.0} -> {to:+0.0;-0.0;0.0} dB"), Effect(result, target, parameter, Math.Abs(to - from) / 3),
            Reason(result, target, parameter) ?? "set by the match."));
    }

    private static void Bands(List<DigestChange> list, string target, ParametricEqSettings now, ParametricEqSettings to, MatchResult result, ref int dropped)
    {
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
        {
            var f = now.Bands[b];
            var t = to.Bands[b];
            string p = $"eq.band{b + 1}.gain_db";
            bool gain = !InaudibleChange.Is(p, f.GainDb, t.GainDb);
            bool shape = !InaudibleChange.Is($"eq.band{b + 1}.freq_hz", f.FrequencyHz, t.FrequencyHz, f.GainDb, t.GainDb)
                         || !InaudibleChange.Is($"eq.band{b + 1}.q", f.Q, t.Q, f.GainDb, t.GainDb);
            int moved = (f.GainDb.Equals(t.GainDb) ? 0 : 1) + (f.FrequencyHz.Equals(t.FrequencyHz) ? 0 : 1) + (f.Q.Equals(t.Q) ? 0 : 1);
            if (!gain && !shape) { dropped += moved; continue; }
            string text = string.Create(Inv, $"EQ band {b + 1}: {f.GainDb:+0.0;-0.0;0.0} -> {t.GainDb:+0.0;-0.0;0.0} dB at {DriverSentences.Hz(t.FrequencyHz)}, Q {t.Q:0.0#}");
            list.Add(new DigestChange(p, text, Effect(result, target, p, Math.Abs(t.GainDb - f.GainDb) / 6), Reason(result, target, p) ?? "set by the match."));
        }
    }

    private static void Compressor(List<DigestChange> list, string target, CompressorSettings now, CompressorSettings to, MatchResult result, ref int dropped)
    {
        if (now == to) return;
        if (!now.Enabled && !to.Enabled) { dropped++; return; }
        string text = to.Enabled
            ? string.Create(Inv, $"compressor {to.Ratio:0.0}:1 from {to.ThresholdDb:0} dB, attack {to.AttackMs:0} ms, release {to.ReleaseMs:0} ms, makeup {to.MakeupDb:+0.0;-0.0;0.0} dB")
            : "compressor off";
        string? reason = result.Drivers.FirstOrDefault(d => d.Target == target && d.Parameter.StartsWith("compressor.", StringComparison.Ordinal))?.Sentence;
        double effect = result.Drivers.Where(d => d.Target == target && d.Parameter.StartsWith("compressor.", StringComparison.Ordinal)).Select(d => d.Contribution).DefaultIfEmpty(0.01).Max();
        list.Add(new DigestChange("compressor", text, effect, reason ?? "set by the match."));
    }

    private static double Effect(MatchResult result, string target, string parameter, double fallback) =>
        result.Drivers.FirstOrDefault(d => d.Target == target && d.Parameter == parameter)?.Contribution is double c && c > 0 ? c : fallback * 0.01;

    private static string? Reason(MatchResult result, string target, string parameter) =>
        result.Drivers.FirstOrDefault(d => d.Target == target && d.Parameter == parameter)?.Sentence;

    private static string PanText(double pan) => Math.Abs(pan) < 0.005 ? "C" : (pan < 0 ? "L" : "R") + Math.Round(Math.Abs(pan) * 100).ToString(Inv);

    private static string SendText(double db) => db <= InaudibleChange.SendFloorDb ? "off" : db.ToString("0", Inv) + " dB";
}
