using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Solves the strips directly from a reference that is a mix of the stems, aligned by <see cref="SameRecordingDetector"/>.
/// Band energies over time frames (<see cref="BandEnergies"/>) of each stem and of the reference: per reference
/// channel, the non-negative least-squares energy gains of the stems (rows weighted by the reference's level, so
/// quiet bands count as much as loud ones) give each stem's gain and pan through the console's own laws
/// (<see cref="Panner"/>: constant power with unity centre for mono stems, balance for stereo ones); then, per band,
/// a second non-negative fit (kept near no change) says where a stem is louder or quieter than its level alone
/// explains, and the 6-band EQ that bends it so is fitted to that curve where the stem holds enough of the band;
/// the gains are solved again through that EQ. Stems are assumed to add in energy (different instruments); the
/// stereo width, high-pass, compressor and sends are kept from the current strip.
/// </summary>
public static class StemConsoleFit
{
    /// <summary>Most analysis frames spread over the overlap: enough rows for 32 stems × 20 bands, few enough to stay fast.</summary>
    public const int MaxFrames = 480;
    /// <summary>A stem fitted this far (dB) under the reference's energy where it plays is not in the reference.</summary>
    public const double AbsentBelowDb = -40;
    /// <summary>An EQ band curve is trusted only where the stem holds this share of the band's fitted energy.</summary>
    public const double EqTrustShare = 0.05;
    /// <summary>EQ moves smaller than this (dB) are not proposed.</summary>
    public const double EqMinimumDb = 1;
    private const double EqRidge = 0.05;

    public sealed record Stem(string Name, AudioBuffer Audio, TrackSettings Current);

    /// <summary>Stems and reference at one sample rate (the alignment's).</summary>
    public static RecordingFit Solve(IReadOnlyList<Stem> stems, AudioBuffer reference, RecordingAlignment alignment)
    {
        int rate = reference.SampleRate;
        int n = stems.Count;
        var audio = stems.Select(s => s.Audio).ToArray();
        // To the sample, so a bounce's phase lines up for the coherent fit.
        int lag = SampleAlignment.Refine(audio, reference, alignment.LagFrames, Math.Max(1, rate / 50));
        alignment = alignment with { LagFrames = lag };
        int songFrames = stems.Max(s => s.Audio.Frames);
        int first = Math.Max(0, lag), last = Math.Min(reference.Frames, songFrames + lag) - BandEnergies.FftSize;
        if (last <= first) throw new ArgumentException("The reference and the stems overlap by less than one analysis frame.");
        int count = Math.Clamp((last - first) / (BandEnergies.FftSize / 2), 1, MaxFrames);
        var refStarts = Enumerable.Range(0, count).Select(f => first + (int)((long)(last - first) * f / Math.Max(1, count - 1))).ToArray();
        var stemStarts = refStarts.Select(p => p - lag).ToArray();

        var coherent = CoherentStemFit.Measure(audio, reference, refStarts, lag);
        var flat = Enumerable.Range(0, n).Select(_ => Enumerable.Repeat(1.0, BandEnergies.Count).ToArray()).ToArray();
        var (cl, cr) = coherent.Levels(flat);
        if (EnergyWeighted(coherent.ErrorRatios(cl, cr, flat), coherent.BandEnergy) < CoherentErrorRatio)
            return SolveCoherent(stems, rate, alignment, coherent, refStarts, reference.ChannelCount == 1,
                (double)(last + BandEnergies.FftSize - first) / rate);

        var y = BandEnergies.Measure(reference, refStarts);
        bool monoRef = y.Channels == 1;
        var yL = y.Power[0];
        var yR = monoRef ? y.Power[0] : y.Power[1];
        var x = stems.Select(s => BandEnergies.Measure(s.Audio, stemStarts)).ToArray();
        // X[i][c]: what stem i feeds into output channel c before its gain and pan.
        double[][] Feed(int i, int c) => x[i].Power[x[i].Channels == 1 ? 0 : c];

        int bands = BandEnergies.Count;
        var floor = new double[bands];
        for (int b = 0; b < bands; b++)
        {
            double mean = 0;
            for (int f = 0; f < count; f++) mean += yL[f][b] + yR[f][b];
            floor[b] = 0.01 * mean / (2 * count) + 1e-20;
        }
        var heard = Enumerable.Range(0, n).Select(i => x[i].Power.Any(ch => ch.Any(fr => fr.Any(v => v > 1e-12)))).ToArray();

        var eqCurves = new double[n][];   // power multiplier per band from the stem's EQ (1 = flat)
        for (int i = 0; i < n; i++) eqCurves[i] = Enumerable.Repeat(1.0, bands).ToArray();
        var (aL, aR) = LevelFit(n, count, bands, Feed, yL, yR, floor, eqCurves, heard);
        double residualBefore = Residual(n, count, bands, Feed, yL, yR, aL, aR, eqCurves).Overall;

        // Where does each stem need more or less than its level alone gives?
        var eqGains = new double[n][];
        for (int i = 0; i < n; i++) eqGains[i] = new double[ParametricEqSettings.BandCount];
        var bandMultipliers = BandMultipliers(n, count, bands, Feed, yL, yR, floor, aL, aR);
        for (int i = 0; i < n; i++)
        {
            if (!heard[i] || aL[i] + aR[i] <= 0) continue;
            var curveDb = new double[bands];
            var weight = new double[bands];
            for (int b = 0; b < bands; b++)
            {
                var (k, share) = bandMultipliers[i][b];
                if (share < EqTrustShare) continue;
                curveDb[b] = Math.Clamp(10 * Math.Log10(Math.Max(k, 1e-6)), -ConsoleCoordinates.EqSearchDb, ConsoleCoordinates.EqSearchDb);
                weight[b] = share;
            }
            var gains = EqCurveFit.Fit(stems[i].Current.Eq, curveDb, weight, rate);
            if (gains.Max(Math.Abs) < EqMinimumDb) continue;
            eqGains[i] = gains;
            var eq = WithGains(stems[i].Current.Eq, gains);
            for (int b = 0; b < bands; b++)
                eqCurves[i][b] = Math.Pow(10, (ParametricEq.ResponseDb(eq, null, BandEnergies.CentreHz(b), rate) - ParametricEq.ResponseDb(stems[i].Current.Eq, null, BandEnergies.CentreHz(b), rate)) / 10);
        }
        if (eqGains.Any(g => g.Any(v => v != 0)))
            (aL, aR) = LevelFit(n, count, bands, Feed, yL, yR, floor, eqCurves, heard);
        var residual = Residual(n, count, bands, Feed, yL, yR, aL, aR, eqCurves);
        if (residual.Overall > residualBefore)
        {
            // The EQ did not help the whole: keep levels and pans only.
            for (int i = 0; i < n; i++) { eqGains[i] = new double[ParametricEqSettings.BandCount]; Array.Fill(eqCurves[i], 1.0); }
            (aL, aR) = LevelFit(n, count, bands, Feed, yL, yR, floor, eqCurves, heard);
            residual = Residual(n, count, bands, Feed, yL, yR, aL, aR, eqCurves);
        }

        var tracks = new StemFitTrack[n];
        for (int i = 0; i < n; i++)
        {
            var s = stems[i];
            bool stereo = s.Audio.ChannelCount == 2;
            if (!heard[i])
            {
                tracks[i] = new StemFitTrack(s.Name, StemPresence.Unheard, s.Current, s.Current.GainDb, s.Current.Pan, double.NegativeInfinity, new double[ParametricEqSettings.BandCount], double.NegativeInfinity, double.NegativeInfinity, stereo);
                continue;
            }
            double share = Share(i, count, bands, Feed, yL, yR, aL, aR, eqCurves);
            double leftDb = 10 * Math.Log10(Math.Max(aL[i], 1e-30)), rightDb = 10 * Math.Log10(Math.Max(aR[i], 1e-30));
            if (aL[i] + aR[i] <= 0 || share < AbsentBelowDb)
            {
                tracks[i] = new StemFitTrack(s.Name, StemPresence.Absent, s.Current with { Mute = true }, s.Current.GainDb, s.Current.Pan, share, new double[ParametricEqSettings.BandCount], leftDb, rightDb, stereo);
                continue;
            }
            var (gainDb, pan) = monoRef ? (10 * Math.Log10(aL[i]), s.Current.Pan) : GainAndPan(aL[i], aR[i], stereo);
            gainDb = Math.Round(ConsoleRanges.GainDb.Clamp(gainDb), 2);
            pan = Math.Round(ConsoleRanges.Pan.Clamp(pan), 3);
            var settings = s.Current with { GainDb = gainDb, Pan = pan, Mute = false, Eq = WithGains(s.Current.Eq, eqGains[i].Select(g => Math.Round(g, 1)).ToArray()) };
            tracks[i] = new StemFitTrack(s.Name, StemPresence.Present, settings, gainDb, pan, share, eqGains[i], leftDb, rightDb, stereo);
        }
        double overlap = (double)(last + BandEnergies.FftSize - first) / rate;
        return new RecordingFit(alignment, tracks, residual.PerBand, residual.Overall, residualBefore, monoRef, overlap);
    }

    /// <summary>A bounce the complex fit explains to within this error-to-signal ratio (-10 dB) is solved coherently; else by energies.</summary>
    public const double CoherentErrorRatio = 0.1;

    private static double EnergyWeighted(double[] ratio, double[] energy)
    {
        double e = energy.Sum();
        return e <= 0 ? 1 : ratio.Select((r, b) => r * energy[b]).Sum() / e;
    }

    /// <summary>An error-to-signal ratio as the level mismatch that would give it: 20 log10(1 + sqrt(ratio)) dB.</summary>
    public static double LevelDb(double errorRatio) => 20 * Math.Log10(1 + Math.Sqrt(Math.Max(0, errorRatio)));

    private static RecordingFit SolveCoherent(IReadOnlyList<Stem> stems, int rate, RecordingAlignment alignment, CoherentStemFit fit,
        int[] refStarts, bool monoRef, double overlapSeconds)
    {
        int n = stems.Count, bands = BandEnergies.Count;
        var response = Enumerable.Range(0, n).Select(_ => Enumerable.Repeat(1.0, bands).ToArray()).ToArray();
        var (left, right) = fit.Levels(response);
        var levelsOnly = fit.ErrorRatios(left, right, response);
        var (multiplier, share) = fit.Multipliers(left, right);
        var eqGains = new double[n][];
        for (int i = 0; i < n; i++)
        {
            eqGains[i] = new double[ParametricEqSettings.BandCount];
            if (left[i] + right[i] <= 0) continue;
            var curve = new double[bands];
            var weight = new double[bands];
            for (int b = 0; b < bands; b++)
            {
                if (share[i][b] < EqTrustShare) continue;
                curve[b] = Math.Clamp(20 * Math.Log10(Math.Max(multiplier[i][b], 1e-6)), -ConsoleCoordinates.EqSearchDb, ConsoleCoordinates.EqSearchDb);
                weight[b] = share[i][b];
            }
            var gains = EqCurveFit.Fit(stems[i].Current.Eq, curve, weight, rate);
            if (gains.Max(Math.Abs) < EqMinimumDb) continue;
            eqGains[i] = gains;
            var eq = WithGains(stems[i].Current.Eq, gains);
            for (int b = 0; b < bands; b++)
                response[i][b] = Math.Pow(10, (ParametricEq.ResponseDb(eq, null, BandEnergies.CentreHz(b), rate) - ParametricEq.ResponseDb(stems[i].Current.Eq, null, BandEnergies.CentreHz(b), rate)) / 20);
        }
        var energy = fit.BandEnergy;
        var errors = levelsOnly;
        if (eqGains.Any(g => g.Any(v => v != 0)))
        {
            var (l2, r2) = fit.Levels(response);
            var e2 = fit.ErrorRatios(l2, r2, response);
            if (EnergyWeighted(e2, energy) < EnergyWeighted(levelsOnly, energy)) (left, right, errors) = (l2, r2, e2);
            else
            {
                for (int i = 0; i < n; i++) { eqGains[i] = new double[ParametricEqSettings.BandCount]; Array.Fill(response[i], 1.0); }
            }
        }
        double total = energy.Sum();
        var tracks = new StemFitTrack[n];
        for (int i = 0; i < n; i++)
        {
            var s = stems[i];
            bool stereo = s.Audio.ChannelCount == 2;
            double own = fit.StemEnergy(i, Enumerable.Repeat(1.0, n).ToArray(), Enumerable.Repeat(1.0, n).ToArray(), response);
            if (own <= 0)
            {
                tracks[i] = new StemFitTrack(s.Name, StemPresence.Unheard, s.Current, s.Current.GainDb, s.Current.Pan, double.NegativeInfinity, new double[ParametricEqSettings.BandCount], double.NegativeInfinity, double.NegativeInfinity, stereo);
                continue;
            }
            double shareDb = 10 * Math.Log10(Math.Max(fit.StemEnergy(i, left, right, response), 1e-30) / Math.Max(total, 1e-30));
            double eL = left[i] * left[i], eR = right[i] * right[i];
            double leftDb = 10 * Math.Log10(Math.Max(eL, 1e-30)), rightDb = 10 * Math.Log10(Math.Max(eR, 1e-30));
            if (eL + eR <= 0 || shareDb < AbsentBelowDb)
            {
                tracks[i] = new StemFitTrack(s.Name, StemPresence.Absent, s.Current with { Mute = true }, s.Current.GainDb, s.Current.Pan, shareDb, new double[ParametricEqSettings.BandCount], leftDb, rightDb, stereo);
                continue;
            }
            var (gainDb, pan) = monoRef ? (10 * Math.Log10(eL), s.Current.Pan) : GainAndPan(eL, eR, stereo);
            gainDb = Math.Round(ConsoleRanges.GainDb.Clamp(gainDb), 2);
            pan = Math.Round(ConsoleRanges.Pan.Clamp(pan), 3);
            var settings = s.Current with { GainDb = gainDb, Pan = pan, Mute = false, Eq = WithGains(s.Current.Eq, eqGains[i].Select(g => Math.Round(g, 1)).ToArray()) };
            tracks[i] = new StemFitTrack(s.Name, StemPresence.Present, settings, gainDb, pan, shareDb, eqGains[i], leftDb, rightDb, stereo);
        }
        var perBand = errors.Select(LevelDb).ToArray();
        double Weighted(double[] values)
        {
            double sum = 0, w = 0;
            for (int b = 0; b < bands; b++) { double x = Math.Sqrt(energy[b]); sum += x * values[b]; w += x; }
            return w > 0 ? sum / w : 0;
        }
        return new RecordingFit(alignment, tracks, perBand, Weighted(perBand), Weighted(levelsOnly.Select(LevelDb).ToArray()), monoRef, overlapSeconds) { Coherent = true };
    }

    /// <summary>
    /// The console's laws inverted. Mono: L = g √2 cos θ, R = g √2 sin θ with θ = (pan + 1) π/4, so g² is the
    /// mean of the two energy gains and θ their angle. Stereo: balance only turns the far side down.
    /// </summary>
    public static (double GainDb, double Pan) GainAndPan(double energyLeft, double energyRight, bool stereo)
    {
        if (!stereo)
        {
            double theta = Math.Atan2(Math.Sqrt(energyRight), Math.Sqrt(energyLeft));
            return (10 * Math.Log10((energyLeft + energyRight) / 2), theta * 4 / Math.PI - 1);
        }
        double louder = Math.Max(energyLeft, energyRight);
        double ratio = Math.Sqrt(Math.Min(energyLeft, energyRight) / louder);
        double side = Math.Acos(Math.Clamp(ratio, 0, 1)) * 2 / Math.PI;
        return (10 * Math.Log10(louder), energyLeft >= energyRight ? -side : side);
    }

    private static ParametricEqSettings WithGains(ParametricEqSettings eq, IReadOnlyList<double> gains)
    {
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
            eq = eq.WithBand(b, eq.Bands[b] with { GainDb = gains[b] });
        return eq;
    }

    /// <summary>Per output channel, the stems' energy gains (non-negative) that best explain the reference's band energies.</summary>
    private static (double[] L, double[] R) LevelFit(int n, int frames, int bands, Func<int, int, double[][]> feed,
        double[][] yL, double[][] yR, double[] floor, double[][] eqCurves, bool[] heard)
    {
        double[] Channel(int c, double[][] target)
        {
            var ata = new double[n, n];
            var atb = new double[n];
            var row = new double[n];
            for (int f = 0; f < frames; f++)
                for (int b = 0; b < bands; b++)
                {
                    double w = 1 / (target[f][b] + floor[b]);
                    double w2 = w * w;
                    for (int i = 0; i < n; i++) row[i] = heard[i] ? feed(i, c)[f][b] * eqCurves[i][b] : 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (row[i] == 0) continue;
                        atb[i] += w2 * row[i] * target[f][b];
                        for (int j = 0; j <= i; j++) ata[i, j] += w2 * row[i] * row[j];
                    }
                }
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) ata[j, i] = ata[i, j];
            return NonNegativeLeastSquares.Solve(ata, atb);
        }
        return (Channel(0, yL), Channel(1, yR));
    }

    /// <summary>Per stem and band: the multiplier (≥ 0, kept near 1) on its level-only contribution that best explains the band, and its share of the band.</summary>
    private static (double K, double Share)[][] BandMultipliers(int n, int frames, int bands, Func<int, int, double[][]> feed,
        double[][] yL, double[][] yR, double[] floor, double[] aL, double[] aR)
    {
        var result = new (double, double)[n][];
        for (int i = 0; i < n; i++) result[i] = new (double, double)[bands];
        var row = new double[n];
        for (int b = 0; b < bands; b++)
        {
            var ata = new double[n, n];
            var atb = new double[n];
            var energy = new double[n];
            double total = 0;
            for (int f = 0; f < frames; f++)
            {
                double target = yL[f][b] + yR[f][b];
                double w = 1 / (target + 2 * floor[b]), w2 = w * w;
                for (int i = 0; i < n; i++) { row[i] = aL[i] * feed(i, 0)[f][b] + aR[i] * feed(i, 1)[f][b]; energy[i] += row[i]; total += row[i]; }
                for (int i = 0; i < n; i++)
                {
                    if (row[i] == 0) continue;
                    atb[i] += w2 * row[i] * target;
                    for (int j = 0; j <= i; j++) ata[i, j] += w2 * row[i] * row[j];
                }
            }
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < i; j++) ata[j, i] = ata[i, j];
                double ridge = EqRidge * ata[i, i];
                ata[i, i] += ridge;
                atb[i] += ridge;   // pulls k toward 1: no change unless the band says so
            }
            var k = NonNegativeLeastSquares.Solve(ata, atb);
            for (int i = 0; i < n; i++) result[i][b] = (energy[i] > 0 ? k[i] : 1, total > 0 ? energy[i] / total : 0);
        }
        return result;
    }

    /// <summary>Stem i's fitted energy against the reference's, over the frames it plays in (dB).</summary>
    private static double Share(int i, int frames, int bands, Func<int, int, double[][]> feed, double[][] yL, double[][] yR, double[] aL, double[] aR, double[][] eqCurves)
    {
        double stem = 0, reference = 0;
        for (int f = 0; f < frames; f++)
        {
            double own = 0, raw = 0, r = 0;
            for (int b = 0; b < bands; b++)
            {
                raw += feed(i, 0)[f][b] + feed(i, 1)[f][b];
                own += (aL[i] * feed(i, 0)[f][b] + aR[i] * feed(i, 1)[f][b]) * eqCurves[i][b];
                r += yL[f][b] + yR[f][b];
            }
            if (raw <= 1e-12) continue;
            stem += own;
            reference += r;
        }
        return reference <= 0 ? double.NegativeInfinity : 10 * Math.Log10(Math.Max(stem, 1e-30) / reference);
    }

    /// <summary>Per band, the energy-weighted RMS over frames of fitted-over-reference level in dB; and their energy-weighted mean.</summary>
    private static (double[] PerBand, double Overall) Residual(int n, int frames, int bands, Func<int, int, double[][]> feed,
        double[][] yL, double[][] yR, double[] aL, double[] aR, double[][] eqCurves)
    {
        var perBand = new double[bands];
        var bandEnergy = new double[bands];
        for (int b = 0; b < bands; b++)
        {
            double peak = 0;
            for (int f = 0; f < frames; f++) peak = Math.Max(peak, yL[f][b] + yR[f][b]);
            double sum = 0, weight = 0;
            for (int f = 0; f < frames; f++)
            {
                double target = yL[f][b] + yR[f][b];
                if (target < peak * 1e-4) continue;   // frames 40 dB under the band's loudest say little
                double fit = 0;
                for (int i = 0; i < n; i++) fit += (aL[i] * feed(i, 0)[f][b] + aR[i] * feed(i, 1)[f][b]) * eqCurves[i][b];
                double db = 10 * Math.Log10((fit + 1e-20) / target);
                sum += target * db * db;
                weight += target;
            }
            perBand[b] = weight > 0 ? Math.Sqrt(sum / weight) : 0;
            bandEnergy[b] = weight;
        }
        // Weighted by the square root of each band's energy, so the bass does not decide alone.
        double overall = 0, total = 0;
        for (int b = 0; b < bands; b++) { double w = Math.Sqrt(bandEnergy[b]); overall += w * perBand[b]; total += w; }
        return (perBand, total > 0 ? overall / total : 0);
    }
}
