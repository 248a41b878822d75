using System.Globalization;
using System.Text;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Assistant.Cli;

/// <summary>The console at a glance, for people; `state --json` is the same for scripts.</summary>
internal static class StateText
{
    public static string Describe(MixSession session)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{DisplayText.Clean(session.FilePath)}: {session.Stems.Count} tracks at {session.SampleRate} Hz, " +
                           $"{session.History.Position} of {session.History.ChangeSets.Length} change sets in effect");
        text.AppendLine(c, $"{"track",-22} {"role",-16} {"gain",6} {"pan",5} {"eq",-22} {"comp",-14} {"send",6}  flags");
        foreach (var stem in session.Stems)
        {
            var t = session.Console.Track(stem.Name);
            string flags = (t.Mute ? "M" : "") + (t.Solo ? "S" : "") + (t.InvertPolarity ? "Ø" : "") + (t.HighPass.Enabled ? $" HPF {t.HighPass.FrequencyHz:0} Hz" : "");
            text.AppendLine(c, $"{Fit(DisplayText.Clean(stem.Name), 22)} {Fit(stem.Role.Words(), 16)} {t.GainDb,6:+0.0;-0.0;0.0} {Pan(t.Pan),5} {Fit(Eq(t.Eq), 22)} {Fit(Comp(t.Compressor), 14)} {Send(t.ReverbSendDb),6}  {flags}");
        }
        var m = session.Console.Master;
        var r = session.Console.Reverb;
        text.AppendLine(c, $"master: EQ {Eq(m.Eq)}, glue {Comp(m.Compressor)}, output {m.OutputGainDb:+0.0;-0.0;0.0} dB, " +
                           $"limiter {(m.Limiter.Enabled ? $"{m.Limiter.CeilingDbtp:0.0} dBTP" : "off")}, loudness target {(m.LoudnessTargetLufs is double l ? $"{l:0.0} LUFS" : "none")}");
        text.Append(c, $"reverb: return {Send(r.ReturnDb)} dB, decay {r.DecayS:0.0} s, pre-delay {r.PreDelayMs:0} ms, damping {r.Damping:0.00}");
        return text.ToString();
    }

    private static string Pan(double pan) => pan == 0 ? "C" : string.Create(CultureInfo.InvariantCulture, $"{(pan < 0 ? "L" : "R")}{Math.Abs(pan) * 100:0}");

    private static string Send(double db) => db <= ConsoleRanges.OffDb ? "off" : db.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Comp(CompressorSettings s) => !s.Enabled ? "off" : string.Create(CultureInfo.InvariantCulture, $"{s.Ratio:0.#}:1 @ {s.ThresholdDb:0} dB");

    private static string Eq(ParametricEqSettings eq) => eq.IsFlat ? "flat" : string.Join(" ", eq.Bands.Where(b => !b.IsFlat)
        .Select(b => string.Create(CultureInfo.InvariantCulture, $"{(b.FrequencyHz >= 1000 ? $"{b.FrequencyHz / 1000:0.#}k" : $"{b.FrequencyHz:0}")}{b.GainDb:+0.#;-0.#}")));

    private static string Fit(string s, int width) => s.Length <= width ? s.PadRight(width) : s[..(width - 1)] + "…";
}
