using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer.Scope;

/// <summary>
/// Whether changing one console parameter from one value to another does nothing anyone would hear, so a proposal
/// can leave it out: under a tenth of a JND-sized step for levels (0.2 dB) and EQ gains (0.3 dB), 2 % of pan or
/// width travel, a send that stays 50 dB or more under the signal (off for any ear: "a send to -56 dB"), and any
/// change to a band's frequency or Q while that band is flat, or to a compressor that stays off.
/// </summary>
public static class InaudibleChange
{
    public const double LevelDb = 0.2;
    public const double EqGainDb = 0.3;
    public const double PanOrWidth = 0.02;
    public const double SendFloorDb = -50;

    /// <param name="bandGainFromDb">For an EQ band's frequency or Q: that band's gain before (NaN otherwise).</param>
    /// <param name="bandGainToDb">For an EQ band's frequency or Q: that band's gain after.</param>
    /// <param name="compressorOn">For a compressor setting: whether the compressor is on before or after.</param>
    public static bool Is(string parameter, double from, double to, double bandGainFromDb = double.NaN, double bandGainToDb = double.NaN, bool compressorOn = true)
    {
        if (from.Equals(to) || (from == 0 && to == 0)) return true;   // also -0 and 0
        string last = parameter[(parameter.LastIndexOf('.') + 1)..];
        if (parameter.StartsWith("compressor.", StringComparison.Ordinal) && parameter != "compressor.enabled" && !compressorOn) return true;
        if (parameter.StartsWith("eq.", StringComparison.Ordinal) || parameter.StartsWith("master.eq.", StringComparison.Ordinal))
        {
            if (last == "gain_db") return Math.Abs(to - from) < EqGainDb;
            bool flat = !double.IsNaN(bandGainFromDb) && Math.Abs(bandGainFromDb) < EqGainDb && Math.Abs(bandGainToDb) < EqGainDb;
            return flat || (from > 0 && to > 0 && Math.Abs(Math.Log2(to / from)) < 0.03);
        }
        return parameter switch
        {
            "gain_db" or "output_gain_db" or "compressor.makeup_db" or "compressor.threshold_db" or "return_db" => Math.Abs(to - from) < LevelDb,
            "pan" or "width" => Math.Abs(to - from) < PanOrWidth,
            "reverb_send_db" => (from <= SendFloorDb && to <= SendFloorDb) || Math.Abs(to - from) < LevelDb,
            "compressor.ratio" => Math.Abs(to - from) < 0.05,
            _ => false,
        };
    }

    /// <summary>A send at or under the floor reads as off.</summary>
    public static double Send(double db) => db <= SendFloorDb ? ConsoleRanges.OffDb : db;
}
