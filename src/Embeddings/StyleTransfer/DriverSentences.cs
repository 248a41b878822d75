using System.Globalization;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// One plain sentence per move: what the reference has (the driver, measured against the mix without the move)
/// and what the move does, e.g. "The reference's side channel is 3.1 dB louder above 4.2 kHz, so I panned hats
/// 60% right."
/// </summary>
internal static class DriverSentences
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Sentence(DriverAttribution.Candidate driver, ConsoleMove move, string target, ConsoleProposal baseline, ConsoleProposal final,
        bool negligible)
    {
        string action = Action(move, target, baseline, final);
        if (negligible) return $"I {action}; on its own this barely changes the mix.";
        string observation = Observation(driver);
        return driver.Salience > 1e-5
            ? $"{Capital(observation)}, so I {action}."
            : $"I {action}, which mainly affects the {Noun(driver.Feature)}: {observation}.";
    }

    public static string Observation(DriverAttribution.Candidate d)
    {
        double gap = d.Reference - d.Mix;
        return d.Feature switch
        {
            DriverFeature.Rms => $"the reference is {Db(Math.Abs(gap))} {(gap >= 0 ? "louder" : "quieter")} overall ({F(d.Reference, "0.0")} vs {F(d.Mix, "0.0")} dBFS RMS)",
            DriverFeature.Crest => gap >= 0
                ? $"the reference's peaks stand {Db(gap)} further above its average (crest factor {F(d.Reference, "0.0")} vs {F(d.Mix, "0.0")} dB)"
                : $"the reference is denser, its crest factor {Db(-gap)} lower ({F(d.Reference, "0.0")} vs {F(d.Mix, "0.0")} dB)",
            DriverFeature.Width => $"the reference is {(gap >= 0 ? "wider" : "narrower")} (side-to-mid energy {F(d.Reference, "0.00")} vs {F(d.Mix, "0.00")})",
            DriverFeature.Imbalance => $"the reference leans further {(gap >= 0 ? "right" : "left")} (imbalance {F(d.Reference, "+0.00;-0.00;0.00")} vs {F(d.Mix, "+0.00;-0.00;0.00")})",
            DriverFeature.BarkMid => $"the reference's centre (mid) channel is {Db(Math.Abs(gap))} {(gap >= 0 ? "louder" : "quieter")} {Region(d.LowHz!.Value, d.HighHz!.Value)}",
            DriverFeature.BarkSide => $"the reference's side channel is {Db(Math.Abs(gap))} {(gap >= 0 ? "louder" : "quieter")} {Region(d.LowHz!.Value, d.HighHz!.Value)}",
            _ => "every stem is brought to the same loudness",
        };
    }

    public static string Noun(DriverFeature f) => f switch
    {
        DriverFeature.Rms => "overall level",
        DriverFeature.Crest => "crest factor",
        DriverFeature.Width => "stereo width",
        DriverFeature.Imbalance => "left/right balance",
        DriverFeature.BarkMid => "mid spectrum",
        DriverFeature.BarkSide => "side spectrum",
        _ => "loudness balance",
    };

    public static string Action(ConsoleMove move, string target, ConsoleProposal baseline, ConsoleProposal final)
    {
        switch (move.Kind)
        {
            case MoveKind.Gain:
            {
                double d = final.Tracks[move.Track].GainDb - baseline.Tracks[move.Track].GainDb;
                return $"set {target} {Db(Math.Abs(d))} {(d >= 0 ? "above" : "below")} an equal-loudness balance (gain {F(final.Tracks[move.Track].GainDb, "+0.0;-0.0;0.0")} dB)";
            }
            case MoveKind.Pan:
            {
                double p = final.Tracks[move.Track].Pan;
                return Math.Abs(p) < 0.005 ? $"centred {target}" : $"panned {target} {Math.Abs(p) * 100:0}% {(p < 0 ? "left" : "right")}";
            }
            case MoveKind.EqBand or MoveKind.MasterEqBand:
            {
                var band = (move.OnMaster ? final.Master.Eq : final.Tracks[move.Track].Eq).Bands[move.Band];
                string where = move.OnMaster ? "on the master" : $"on {target}";
                string shape = band.Type switch
                {
                    EqBandType.LowShelf => $"the lows below {Hz(band.FrequencyHz)}",
                    EqBandType.HighShelf => $"the highs above {Hz(band.FrequencyHz)}",
                    _ => $"{Hz(band.FrequencyHz)}",
                };
                if (Math.Abs(band.GainDb) < 0.05) return $"flattened EQ band {move.Band + 1} {where}";
                return $"{(band.GainDb > 0 ? "boosted" : "cut")} {shape} {where} by {Db(Math.Abs(band.GainDb))} (EQ band {move.Band + 1})";
            }
            case MoveKind.Compressor or MoveKind.MasterCompressor:
            {
                var c = move.OnMaster ? final.Master.Compressor : final.Tracks[move.Track].Compressor;
                string who = move.OnMaster ? "the master bus" : target;
                return c.Enabled
                    ? $"compressed {who} ({F(c.Ratio, "0.0")}:1 above {F(c.ThresholdDb, "0")} dBFS, {F(c.AttackMs, "0.#")} ms attack)"
                    : $"took the compression off {who}";
            }
            case MoveKind.Send:
            {
                double s = final.Tracks[move.Track].ReverbSendDb, b = baseline.Tracks[move.Track].ReverbSendDb;
                if (s <= ConsoleRanges.OffDb) return $"took {target} out of the reverb";
                return b <= ConsoleRanges.OffDb
                    ? $"sent {target} to the reverb at {F(s, "0")} dB"
                    : $"{(s > b ? "sent more" : "sent less")} of {target} to the reverb ({F(s, "0")} dB)";
            }
            default:
            {
                double d = final.Master.OutputGainDb - baseline.Master.OutputGainDb;
                return $"{(d >= 0 ? "raised" : "lowered")} the master by {Db(Math.Abs(d))}";
            }
        }
    }

    /// <summary>"below 150 Hz", "above 4.2 kHz", "between 300 Hz and 1.2 kHz", "around 2.5 kHz".</summary>
    public static string Region(double lowHz, double highHz)
    {
        if (highHz <= 160) return $"below {Hz(highHz)}";
        if (lowHz >= 4000) return $"above {Hz(lowHz)}";
        if (highHz / lowHz < 1.3) return $"around {Hz(Math.Sqrt(lowHz * highHz))}";
        return $"between {Hz(lowHz)} and {Hz(highHz)}";
    }

    public static string Hz(double hz) => hz >= 1000
        ? (hz / 1000).ToString(hz >= 10000 ? "0" : "0.#", Invariant) + " kHz"
        : (hz >= 100 ? Math.Round(hz / 10) * 10 : Math.Round(hz)).ToString("0", Invariant) + " Hz";

    private static string Db(double v) => v.ToString("0.0", Invariant) + " dB";

    private static string F(double v, string format) => v.ToString(format, Invariant);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
