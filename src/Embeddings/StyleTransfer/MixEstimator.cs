using System.Collections.Concurrent;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// A fast band-energy estimate of the features a console setting gives, from the stems' profiles: stems are
/// assumed mutually uncorrelated (their powers add, per Bark band and broadband), each EQ acts by its magnitude
/// at the band centres, a compressor by its static curve at the stem's level, the reverb by its energy gain.
/// It answers "what would this move change?" thousands of times a second, for the drivers; the matched mix
/// itself is always measured by rendering with the real engine.
/// </summary>
internal sealed class MixEstimator
{
    private static readonly ConcurrentDictionary<ReverbSettings, double> ReverbGains = new();
    private readonly IReadOnlyList<StemProfile> _stems;
    private readonly double[] _centresHz;

    public MixEstimator(IReadOnlyList<StemProfile> stems)
    {
        _stems = stems;
        var bank = new BarkFilterbank(MatchPreparation.SampleRate, SpectrumAccumulator.FftSizeFor(MatchPreparation.SampleRate));
        _centresHz = bank.Bands.Select(b => b.CentreHz).ToArray();
    }

    public IReadOnlyList<double> BandCentresHz => _centresHz;

    public MixFeatures Estimate(IReadOnlyList<TrackSettings> tracks, MasterSettings master, ReverbSettings reverb) =>
        Estimate(tracks, master, reverb, tracks.Select(t => EqPower(t.Eq, t.HighPass)).ToArray(), EqPower(master.Eq, null));

    /// <summary>
    /// The same estimate with every strip's EQ (high-pass included) and the master EQ already read as power gains per
    /// band (<see cref="EqPower"/>): a search that moves one value at a time recomputes only the EQ it moved.
    /// </summary>
    public MixFeatures Estimate(IReadOnlyList<TrackSettings> tracks, MasterSettings master, ReverbSettings reverb,
        IReadOnlyList<double[]> trackEqPower, double[] masterEqPower)
    {
        if (tracks.Count != _stems.Count) throw new ArgumentException($"{_stems.Count} stems but {tracks.Count} strips.", nameof(tracks));
        if (trackEqPower.Count != _stems.Count) throw new ArgumentException($"{_stems.Count} stems but {trackEqPower.Count} EQ responses.", nameof(trackEqPower));
        int bands = _centresHz.Length;
        var mid = new double[bands];
        var side = new double[bands];
        var wetBand = new double[bands];
        double left = 0, right = 0, midE = 0, sideE = 0, wet = 0, peakSquares = 0;
        for (int i = 0; i < _stems.Count; i++)
        {
            var s = tracks[i];
            var p = _stems[i];
            if (s.Mute) continue;
            double gain = Power(s.GainDb);
            var eq = trackEqPower[i];
            double kMid = Weighted(eq, p.MidBandPower), kSide = Weighted(eq, p.SideBandPower);
            double widthSq = p.Channels == 2 ? s.Width * s.Width : 1;
            double em = gain * kMid * p.MidEnergy, es = gain * kSide * p.SideEnergy * widthSq;
            double levelDb = 10 * Math.Log10((em + es) / 4 + 1e-30);
            double stemPeakDb = 20 * Math.Log10(p.Peak * Math.Sqrt(gain * kMid) + 1e-30);
            double comp = CompressorPower(s.Compressor, levelDb, stemPeakDb);
            double peakComp = CompressorPower(s.Compressor, stemPeakDb, stemPeakDb);
            var (gl, gr) = p.Channels == 1 ? Panner.MonoGains(s.Pan) : Panner.BalanceGains(s.Pan);
            double a = (gl + gr) / 2.0, b = (gl - gr) / 2.0;
            double a2 = a * a, b2 = b * b;
            double send = Power(s.ReverbSendDb);
            for (int k = 0; k < bands; k++)
            {
                double m = gain * comp * eq[k] * p.MidBandPower[k], sd = gain * comp * eq[k] * p.SideBandPower[k] * widthSq;
                double busMid = a2 * m + b2 * sd, busSide = b2 * m + a2 * sd;
                mid[k] += busMid;
                side[k] += busSide;
                wetBand[k] += send * (busMid + busSide) / 4;   // mean send power per channel
            }
            em *= comp;
            es *= comp;
            double busMidE = a2 * em + b2 * es, busSideE = b2 * em + a2 * es;
            midE += busMidE;
            sideE += busSideE;
            // L = (M+S)/2 and R = (M-S)/2 of the stem; pan/balance then scales each side.
            double total = p.LeftEnergy + p.RightEnergy;
            double scale = total > 0 ? (em + es) / 2 / total : 0;
            left += gl * gl * p.LeftEnergy * scale;
            right += gr * gr * p.RightEnergy * scale;
            wet += send * (busMidE + busSideE) / 4;
            peakSquares += p.Peak * p.Peak * gain * kMid * peakComp * Math.Max(gl, gr) * Math.Max(gl, gr);
        }

        // The reverb's outputs are uncorrelated: each wet channel adds to L, R, and equally to mid and side.
        double reverbGain = Power(reverb.ReturnDb) * ReverbEnergyGain(reverb);
        for (int k = 0; k < bands; k++)
        {
            mid[k] += 2 * reverbGain * wetBand[k];
            side[k] += 2 * reverbGain * wetBand[k];
        }
        left += reverbGain * wet;
        right += reverbGain * wet;
        midE += 2 * reverbGain * wet;
        sideE += 2 * reverbGain * wet;

        var masterEq = masterEqPower;
        double kmMid = Weighted(masterEq, mid), kmSide = Weighted(masterEq, side);
        double kAll = (midE * kmMid + sideE * kmSide) / Math.Max(midE + sideE, 1e-30);
        double busLevelDb = 10 * Math.Log10((left + right) / 2 * kAll + 1e-30);
        double busPeakDb = 10 * Math.Log10(peakSquares * kmMid + 1e-30);
        double masterComp = CompressorPower(master.Compressor, busLevelDb, busPeakDb);
        double masterPeakComp = CompressorPower(master.Compressor, busPeakDb, busPeakDb);
        double outGain = Power(master.OutputGainDb) * masterComp;
        for (int k = 0; k < bands; k++)
        {
            mid[k] *= masterEq[k] * outGain;
            side[k] *= masterEq[k] * outGain;
        }
        left *= kAll * outGain;
        right *= kAll * outGain;
        midE *= kmMid;
        sideE *= kmSide;
        double rmsDb = 10 * Math.Log10((left + right) / 2 + 1e-30);
        double peakDb = 10 * Math.Log10(peakSquares * kmMid * Power(master.OutputGainDb) * masterPeakComp + 1e-30);
        return new MixFeatures(
            rmsDb,
            peakDb - rmsDb,
            midE > 0 ? sideE / Math.Max(midE, StereoMeasures.DenominatorFloor) : 0,
            left + right > 0 ? (right - left) / Math.Max(left + right, StereoMeasures.DenominatorFloor) : 0,
            mid.Select(ToDb).ToArray(),
            side.Select(ToDb).ToArray());
    }

    /// <summary>Power gain of the EQ (and high-pass) at each Bark band's centre.</summary>
    public double[] EqPower(ParametricEqSettings eq, HighPassSettings? highPass)
    {
        var result = new double[_centresHz.Length];
        for (int k = 0; k < result.Length; k++)
            result[k] = Math.Pow(10, ParametricEq.ResponseDb(eq, highPass, _centresHz[k], MatchPreparation.SampleRate) / 10);
        return result;
    }

    private static double Weighted(double[] gain, double[] power)
    {
        double num = 0, den = 0;
        for (int k = 0; k < gain.Length; k++)
        {
            num += gain[k] * power[k];
            den += power[k];
        }
        return den > 0 ? num / den : 1;
    }

    /// <summary>
    /// The compressor's power gain (makeup included) on a stem at the given levels: the RMS detector follows the
    /// level, the peak detector rides nearer the peaks.
    /// </summary>
    private static double CompressorPower(CompressorSettings c, double levelDb, double peakDb)
    {
        if (!c.Enabled || !double.IsFinite(levelDb)) return 1;
        double detector = c.Detector == DetectorMode.Rms ? levelDb : (levelDb + peakDb) / 2;
        double gainDb = Compressor.StaticCurveDb(c, detector) - detector;
        return Math.Pow(10, gainDb / 10);
    }

    private static double Power(double db) => db <= ConsoleRanges.OffDb ? 0 : Math.Pow(10, db / 10);

    private static double ToDb(double power) => 10 * Math.Log10(power + 1e-16);

    /// <summary>
    /// Wet power per output channel over the mean power of a steady, uncorrelated stereo send, measured once per
    /// setting by running the engine's reverb on noise.
    /// </summary>
    internal static double ReverbEnergyGain(ReverbSettings reverb) => ReverbGains.GetOrAdd(reverb, r =>
    {
        const int rate = MatchPreparation.SampleRate;
        var fdn = new FdnReverb();
        fdn.Prepare(rate);
        fdn.Update(r);
        int frames = 4 * rate, settle = (int)(Math.Min(r.DecayS, 3) * rate);
        var rng = new Random(1);
        var input = new AudioBuffer(2, frames, rate);
        for (int c = 0; c < 2; c++)
        {
            var ch = input.Channel(c);
            for (int k = 0; k < frames; k++) ch[k] = (float)(rng.NextDouble() * 2 - 1);
        }
        var output = new AudioBuffer(2, frames, rate);
        fdn.Process(input, output, frames);
        double inPower = 0, outPower = 0;
        for (int c = 0; c < 2; c++)
        {
            for (int k = settle; k < frames; k++)
            {
                inPower += (double)input.Channel(c)[k] * input.Channel(c)[k];
                outPower += (double)output.Channel(c)[k] * output.Channel(c)[k];
            }
        }
        return inPower > 0 ? outPower / inPower : 0;
    });
}
