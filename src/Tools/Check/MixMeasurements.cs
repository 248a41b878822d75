using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Check;

/// <summary>Everything the mix check measured in one pass: every audible track in the mix, and the master as written.</summary>
public sealed record MixMeasurements(
    IReadOnlyList<TrackMeasure> Tracks,
    AnalysisReport Master,
    double[] MasterBandDb,
    double LimiterGainReductionDb,
    MasterSettings MasterSettings,
    int SampleRate,
    double ElapsedSeconds);

/// <summary>
/// Runs the session through the render's own pipeline once (<see cref="TappedRender"/>) with a
/// <see cref="StripMeter"/> on every audible strip and the full analyzer on the limited master, so what the
/// check reports is what a render would produce. When the master normalises to a loudness target, the
/// premaster is held in memory, measured, and limited once with the normalising gain (the render refines
/// that gain further, to 0.1 LU; one pass is within a few tenths, enough to judge a mix).
/// </summary>
public static class CheckMeasurer
{
    public static MixMeasurements Measure(MixSession session, string cacheDirectory, ConsoleState? state = null, int? maxParallelism = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        state ??= session.Console;
        var mix = session.ToMixDefinition(state);
        int rate = mix.SampleRate;
        var meters = new Dictionary<string, StripMeter>(StringComparer.OrdinalIgnoreCase);
        var analyzer = new MixAnalyzer(rate, 2);
        double? target = mix.Master.LoudnessTargetLufs;
        LimiterStage? inline = target is null ? new LimiterStage(mix.Master.Limiter, rate, 0, 4096, analyzer.Add) : null;
        var premaster = new List<(float[] Left, float[] Right)>();
        var premasterMeter = new LoudnessMeter(rate, 2);

        void Sink(Dsp.Audio.AudioBuffer block, int frames)
        {
            if (inline is not null)
            {
                inline.Push(block, frames);
                return;
            }
            premaster.Add((block.Channel(0)[..frames].ToArray(), block.Channel(1)[..frames].ToArray()));
            premasterMeter.Add(block, frames);
        }

        var plan = new TapPlan((_, track, channels) => meters[track.Name] = new StripMeter(rate, channels), null, Sink);
        TappedRender.Run(mix, cacheDirectory, plan, maxParallelism: maxParallelism);
        double limiterGr;
        if (inline is not null)
        {
            inline.Flush();
            limiterGr = inline.MaxGainReductionDb;
        }
        else
        {
            (analyzer, limiterGr) = Normalise(premaster, mix.Master.Limiter, rate, target!.Value, premasterMeter.IntegratedLufs);
        }

        var tracks = session.Stems.Where(s => meters.ContainsKey(s.Name))
            .Select(s => new TrackMeasure(s, state.Track(s.Name), meters[s.Name].Result())).ToList();
        var report = analyzer.Result();
        clock.Stop();
        return new MixMeasurements(tracks, report, ThirdOctaveBands.From(analyzer.Spectrum.Average()), limiterGr, mix.Master, rate, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The render's normalisation on the premaster held in memory: gain to the target, limiter, and the same secant
    /// correction while the limiter eats loudness, until within 0.1 LU. Intermediate passes only meter loudness; the
    /// last is analysed in full.
    /// </summary>
    private static (MixAnalyzer, double) Normalise(List<(float[] Left, float[] Right)> premaster, LimiterSettings limiter, int rate, double target, double premasterLufs)
    {
        double gain = double.IsFinite(premasterLufs) ? target - premasterLufs : 0;
        (double Gain, double Lufs)? previous = null;
        for (int pass = 1; ; pass++)
        {
            var meter = new LoudnessMeter(rate, 2);
            Run(premaster, limiter, rate, gain, meter.Add);
            double error = target - meter.IntegratedLufs;
            if (!double.IsFinite(error) || Math.Abs(error) <= 0.1 || pass == 8)
            {
                var analyzer = new MixAnalyzer(rate, 2);
                double gr = Run(premaster, limiter, rate, gain, analyzer.Add);
                return (analyzer, gr);
            }
            double slope = 1;
            if (previous is var (g0, l0) && gain != g0) slope = Math.Clamp((meter.IntegratedLufs - l0) / (gain - g0), 0.05, 1);
            previous = (gain, meter.IntegratedLufs);
            gain += error / slope;
        }
    }

    private static double Run(List<(float[] Left, float[] Right)> premaster, LimiterSettings limiter, int rate, double gain, Action<Dsp.Audio.AudioBuffer, int> sink)
    {
        int block = premaster.Count == 0 ? 1 : premaster.Max(b => b.Left.Length);
        var stage = new LimiterStage(limiter, rate, gain, block, sink);
        var buffer = new Dsp.Audio.AudioBuffer(2, block, rate);
        foreach (var (left, right) in premaster)
        {
            left.CopyTo(buffer.Channel(0));
            right.CopyTo(buffer.Channel(1));
            stage.Push(buffer, left.Length);
        }
        stage.Flush();
        return stage.MaxGainReductionDb;
    }
}
