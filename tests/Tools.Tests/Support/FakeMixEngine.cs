using System.Collections.Concurrent;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Engine;

namespace Mixwright.Tools.Tests.Support;

/// <summary>
/// A deterministic stand-in for the audio engine. Stem analyses are registered by file name (or derived
/// from the name's hash), a mix "measures" as the power sum of its audible tracks' loudness plus their
/// gains, and the EQ response is a smooth textbook approximation. It counts every call so tests can
/// prove that some paths never touch audio.
/// </summary>
internal sealed class FakeMixEngine : IMixEngine
{
    private readonly ConcurrentDictionary<string, AnalysisSummary> _byFileName = new(StringComparer.OrdinalIgnoreCase);

    public int AnalyzeStemCalls;
    public int AnalyzeMixCalls;
    public int RenderCalls;
    public int EqResponseCalls;
    public MixDefinition? LastMix;

    public FakeMixEngine Register(string fileName, AnalysisSummary analysis)
    {
        _byFileName[fileName] = analysis;
        return this;
    }

    public static AnalysisSummary Summary(double lufs, double crestDb = 12, double? onsetsPerSecond = null,
        IReadOnlyDictionary<string, double>? octaveDb = null, int sampleRate = 48000) => new()
    {
        IntegratedLufs = lufs,
        LoudnessRangeLu = 6,
        TruePeakDbtp = double.IsFinite(lufs) ? lufs + crestDb : double.NegativeInfinity,
        SamplePeakDbfs = double.IsFinite(lufs) ? lufs + crestDb - 0.3 : double.NegativeInfinity,
        RmsDbfs = double.IsFinite(lufs) ? lufs - 1 : double.NegativeInfinity,
        CrestDb = crestDb,
        StereoWidth = 0.3,
        StereoImbalance = 0.1,
        OctaveDb = octaveDb ?? OctaveBands.Labels.ToDictionary(l => l, _ => double.IsFinite(lufs) ? lufs - 10 : double.NegativeInfinity),
        DurationSeconds = 180,
        SampleRate = sampleRate,
        ChannelCount = 2,
        OnsetRatePerSecond = onsetsPerSecond,
    };

    /// <summary>An octave spectrum with all energy around one band: low for kicks, high for hats.</summary>
    public static IReadOnlyDictionary<string, double> SpectrumPeakingAt(string label, double peakDb = -20, double slopeDbPerOctave = 12)
    {
        int peak = OctaveBands.Labels.ToList().IndexOf(label);
        return OctaveBands.Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => peakDb - slopeDbPerOctave * Math.Abs(x.i - peak));
    }

    public AnalysisSummary AnalyzeStem(string stemPath)
    {
        Interlocked.Increment(ref AnalyzeStemCalls);
        if (!File.Exists(stemPath)) throw new FileNotFoundException($"No such stem: {stemPath}");
        string name = Path.GetFileName(stemPath);
        if (_byFileName.TryGetValue(name, out var registered)) return registered;
        int h = StableHash(name);
        return Summary(-30 + h % 12);
    }

    public AnalysisSummary AnalyzeMix(MixDefinition mix)
    {
        Interlocked.Increment(ref AnalyzeMixCalls);
        LastMix = mix;
        double power = 0;
        foreach (var track in mix.Tracks.Where(mix.IsAudible))
        {
            double stem = AnalyzeStemQuietly(track.FilePath).IntegratedLufs;
            if (double.IsFinite(stem)) power += Math.Pow(10, (stem + track.Settings.GainDb + mix.Master.OutputGainDb) / 10);
        }
        double lufs = power > 0 ? 10 * Math.Log10(power) : double.NegativeInfinity;
        if (mix.Master.LoudnessTargetLufs is double target && power > 0) lufs = target;
        return Summary(lufs);
    }

    public RenderedMix Render(MixDefinition mix, string outputPath)
    {
        Interlocked.Increment(ref RenderCalls);
        var analysis = AnalyzeMix(mix);
        File.WriteAllBytes(outputPath, TestWav.Bytes(seed: 99, frames: 64));
        return new RenderedMix(outputPath, analysis);
    }

    public double[] EqResponseDb(ParametricEqSettings eq, HighPassSettings? highPass, IReadOnlyList<double> frequenciesHz, int sampleRate)
    {
        Interlocked.Increment(ref EqResponseCalls);
        return frequenciesHz.Select(f =>
        {
            double db = 0;
            foreach (var band in eq.Bands)
            {
                double octaves = Math.Log2(f / band.FrequencyHz);
                db += band.Type switch
                {
                    EqBandType.LowShelf => band.GainDb / (1 + Math.Exp(4 * octaves)),
                    EqBandType.HighShelf => band.GainDb / (1 + Math.Exp(-4 * octaves)),
                    _ => band.GainDb * Math.Exp(-octaves * octaves * band.Q * band.Q * 2),
                };
            }
            if (highPass is { Enabled: true } hp && f < hp.FrequencyHz) db -= 12 * Math.Log2(hp.FrequencyHz / f);
            return db;
        }).ToArray();
    }

    private AnalysisSummary AnalyzeStemQuietly(string path)
    {
        string name = Path.GetFileName(path);
        return _byFileName.TryGetValue(name, out var registered) ? registered : Summary(-30 + StableHash(name) % 12);
    }

    private static int StableHash(string text)
    {
        int h = 17;
        foreach (char c in text) h = unchecked(h * 31 + c);
        return Math.Abs(h % 1000);
    }
}
