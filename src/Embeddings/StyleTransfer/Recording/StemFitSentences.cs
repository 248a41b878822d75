using System.Globalization;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Why each strip solved from a same-recording reference has its value, in the user's terms ("piano: gain -4.2 dB,
/// because in your rough mix the piano sits 4.2 dB under its stem level; fit residual 0.3 dB"), as drivers so the
/// report, the tool's rationales and "why?" read them as any other match's. Contribution ranks by audible effect:
/// the size of the move times the root of the stem's share of the mix.
/// </summary>
internal static class StemFitSentences
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="indices">For each audible stem, its index in <see cref="RecordingFit.Tracks"/>.</param>
    /// <param name="current">Each audible stem's strip before the match.</param>
    public static IReadOnlyList<ParameterDriver> Drivers(RecordingFit fit, IReadOnlyList<int> indices, IReadOnlyList<TrackSettings> current, string referenceName)
    {
        var drivers = new List<ParameterDriver>();
        string residual = string.Create(Inv, $"fit residual {fit.ResidualDb:0.0} dB");
        for (int a = 0; a < indices.Count; a++)
        {
            var t = fit.Tracks[indices[a]];
            var before = current[a];
            double weight = Math.Sqrt(Math.Min(1, Math.Pow(10, t.ShareDb / 10)));
            switch (t.Presence)
            {
                case StemPresence.Unheard:
                    continue;
                case StemPresence.Absent:
                    string trace = double.IsFinite(t.ShareDb) ? string.Create(Inv, $"its best fit is {-t.ShareDb:0} dB under the mix where it plays") : "nothing of it fits";
                    drivers.Add(new ParameterDriver(t.Name, "mute", 1, DriverFeature.StemFit, 1, before.Mute ? 1 : 0, null, null, 1,
                        $"{t.Name}: off (muted), because {referenceName} does not contain it: {trace}."));
                    continue;
            }
            double g = t.Settings.GainDb;
            drivers.Add(new ParameterDriver(t.Name, "gain_db", g, DriverFeature.StemFit, g, before.GainDb, null, null, Math.Abs(g - before.GainDb) * weight,
                string.Create(Inv, $"{t.Name}: gain {g:+0.0;-0.0;0.0} dB, because in {referenceName} the {t.Name} sits {Math.Abs(g):0.0} dB {(g < 0 ? "under" : "over")} its stem level; {residual}.")));
            double balance = t.LeftDb - t.RightDb;
            string side = Math.Abs(balance) < 0.05 ? "equally loud on both sides"
                : string.Create(Inv, $"{Math.Abs(balance):0.0} dB louder on the {(balance > 0 ? "left" : "right")} than on the {(balance > 0 ? "right" : "left")}");
            drivers.Add(new ParameterDriver(t.Name, "pan", t.Settings.Pan, DriverFeature.StemFit, t.Settings.Pan, before.Pan, null, null, Math.Abs(t.Settings.Pan - before.Pan) * 6 * weight,
                fit.MonoReference
                    ? $"{t.Name}: pan kept at {PanText(t.Settings.Pan)}, because {referenceName} is mono and says nothing of placement."
                    : $"{t.Name}: pan {PanText(t.Settings.Pan)}, because in {referenceName} the {t.Name} is {side}{(t.Stereo ? " (a stereo stem: the balance turns the far side down)" : "")}."));
            for (int b = 0; b < ParametricEqSettings.BandCount; b++)
            {
                double eg = t.Settings.Eq.Bands[b].GainDb;
                if (Math.Abs(eg - before.Eq.Bands[b].GainDb) < 0.1) continue;
                string hz = DriverSentences.Hz(t.Settings.Eq.Bands[b].FrequencyHz);
                drivers.Add(new ParameterDriver(t.Name, $"eq.band{b + 1}.gain_db", eg, DriverFeature.StemFit, eg, before.Eq.Bands[b].GainDb,
                    t.Settings.Eq.Bands[b].FrequencyHz, t.Settings.Eq.Bands[b].FrequencyHz, Math.Abs(eg) * 0.5 * weight,
                    string.Create(Inv, $"{t.Name}: EQ band {b + 1} ({hz}) {eg:+0.0;-0.0;0.0} dB, because in {referenceName} the {t.Name} has {(eg > 0 ? "more" : "less")} around {hz} than its level alone explains (fit residual {fit.ResidualBeforeEqDb:0.0} dB with levels only, {fit.ResidualDb:0.0} dB with the EQ).")));
            }
        }
        return drivers;
    }

    internal static string PanText(double pan) => Math.Abs(pan) < 0.005 ? "centre" : string.Create(Inv, $"{Math.Abs(pan) * 100:0} % {(pan < 0 ? "left" : "right")}");
}
