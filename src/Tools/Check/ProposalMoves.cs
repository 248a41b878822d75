using System.Globalization;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Check;

/// <summary>The console moves the findings propose, each with the measurement that motivated it as its rationale.</summary>
internal static class ProposalMoves
{
    public static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static ChangeRequest Number(MixTarget target, string parameter, double value, string sentence, string measurement) =>
        new(target, parameter, ParameterValue.Of(value), new Rationale(RationaleSource.Analysis, sentence, null, measurement));

    public static ChangeRequest Flag(MixTarget target, string parameter, bool value, string sentence, string measurement) =>
        new(target, parameter, ParameterValue.Of(value), new Rationale(RationaleSource.Analysis, sentence, null, measurement));

    /// <summary>
    /// A peaking cut or boost on one of the four bell bands (2-5): the band already nearest the frequency when it
    /// is in use there (within half an octave, so an earlier move is refined rather than doubled), else the flat
    /// band whose default centre is nearest, else the nearest band.
    /// </summary>
    public static IReadOnlyList<ChangeRequest> Bell(MixTarget target, ParametricEqSettings eq, double freqHz, double gainDb, double q, string sentence, string measurement)
    {
        int[] bells = [1, 2, 3, 4];
        double Distance(int i) => Math.Abs(Math.Log2(eq.Bands[i].FrequencyHz / freqHz));
        int index = bells.Where(i => !eq.Bands[i].IsFlat && Distance(i) <= 0.5).OrderBy(Distance).Cast<int?>().FirstOrDefault()
                    ?? bells.Where(i => eq.Bands[i].IsFlat).OrderBy(i => Math.Abs(Math.Log2(ParametricEqSettings.Flat.Bands[i].FrequencyHz / freqHz))).Cast<int?>().FirstOrDefault()
                    ?? bells.OrderBy(Distance).First();
        var band = eq.Bands[index];
        double total = band.IsFlat || Distance(index) > 0.5 ? gainDb : band.GainDb + gainDb;
        int n = index + 1;
        return
        [
            Number(target, ParameterCatalog.EqBand(n, "freq_hz"), Math.Round(ConsoleRanges.EqFrequencyHz.Clamp(freqHz)), sentence, measurement),
            Number(target, ParameterCatalog.EqBand(n, "gain_db"), Math.Round(ConsoleRanges.EqGainDb.Clamp(total), 1), sentence, measurement),
            Number(target, ParameterCatalog.EqBand(n, "q"), ConsoleRanges.EqQ.Clamp(q), sentence, measurement),
        ];
    }

    public static string Db(double db) => db.ToString("+0.0;-0.0;0.0", C);

    public static string Hz(double hz) => hz >= 1000 ? (hz / 1000).ToString("0.#", C) + " kHz" : hz.ToString("0", C) + " Hz";
}
