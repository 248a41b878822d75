using System.Diagnostics;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// Bounces a mix to a file the way a DAW's offline bounce does: block by block, tracks in parallel, memory
/// bounded by the block size. With a loudness target the pre-limiter master is first streamed to a scratch
/// file and measured, then replayed through the gain and limiter (the limiter can eat loudness, so the gain is
/// corrected and the cheap second stage rerun until the file lands within 0.1 LU).
/// </summary>
public static class OfflineRenderer
{
    private const double LoudnessToleranceLu = 0.1;
    private const int MaxNormalisationPasses = 8;
    private const double MaxReverbTailSeconds = 10;

    public static RenderResult Render(MixDefinition mix, RenderOptions options, IProgress<RenderProgress>? progress = null, CancellationToken cancellation = default)
    {
        mix.Validated();
        var clock = Stopwatch.StartNew();
        string cacheDir = options.CacheDirectory ?? Path.Combine(Path.GetTempPath(), "mixwright-cache");
        Directory.CreateDirectory(cacheDir);
        int rate = mix.SampleRate;
        int block = options.BlockFrames;

        var strips = new List<ChannelStrip>();
        try
        {
            // Every stem is opened (and so checked) even when muted: muting must not change the mix's length.
            long length = 0;
            foreach (var track in mix.Tracks)
            {
                var source = AudioFile.OpenStem(track.FilePath, rate, cacheDir);
                length = Math.Max(length, source.LengthFrames);
                if (mix.IsAudible(track)) strips.Add(new ChannelStrip(track, source, block));
                else source.Dispose();
            }

            bool reverbOn = strips.Any(s => s.HasSend) && mix.Reverb.ReturnDb > ConsoleRanges.OffDb;
            long tail = reverbOn && options.IncludeReverbTail ? (long)(Math.Min(mix.Reverb.DecayS, MaxReverbTailSeconds) * rate) : 0;
            var mixer = new BlockMixer(strips, mix, block, options.MaxParallelism ?? Environment.ProcessorCount, reverbOn);
            long total = length + tail;
            double? target = options.LoudnessTargetLufs ?? mix.Master.LoudnessTargetLufs;
            if (target is double t) ConsoleRanges.LoudnessTargetLufs.Validate(t, "render");

            AnalysisReport analysis;
            double limiterGr;
            double? normalisationDb = null;
            if (target is null)
            {
                using var output = new RenderOutput(options.OutputPath, rate, options.Format);
                var analyzer = new MixAnalyzer(rate, 2, options.Analysis == RenderAnalysis.Full);
                var limiter = new LimiterStage(mix.Master.Limiter, rate, 0, block, (b, n) => { output.Write(b, n); analyzer.Add(b, n); });
                mixer.Run(total, limiter.Push, progress, "mixing", cancellation);
                limiter.Flush();
                progress?.Report(new RenderProgress("writing", 1));
                output.Commit();
                analysis = analyzer.Result();
                limiterGr = limiter.MaxGainReductionDb;
            }
            else
            {
                (analysis, limiterGr, normalisationDb) = RenderNormalised(mixer, mix, options, total, target.Value, progress, cancellation);
            }

            clock.Stop();
            return new RenderResult(
                Path.GetFullPath(options.OutputPath), analysis, (double)total / rate, clock.Elapsed.TotalSeconds, normalisationDb,
                strips.ToDictionary(s => s.Name, s => s.MaxGainReductionDb), mixer.MasterGainReductionDb, limiterGr);
        }
        finally
        {
            foreach (var s in strips) s.Dispose();
        }
    }

    private static (AnalysisReport, double, double) RenderNormalised(
        BlockMixer mixer, MixDefinition mix, RenderOptions options, long total, double target,
        IProgress<RenderProgress>? progress, CancellationToken cancellation)
    {
        int rate = mix.SampleRate, block = options.BlockFrames;
        string scratch = Path.Combine(Path.GetTempPath(), $"mixwright-premaster-{Guid.NewGuid():N}.wav");
        try
        {
            var meter = new LoudnessMeter(rate, 2);
            using (var premaster = new WavFileWriter(scratch, rate, 2, WavSampleFormat.Float32))
            {
                mixer.Run(total, (b, n) => { premaster.Write(b, n); meter.Add(b, n); }, progress, "mixing", cancellation);
                premaster.Finish();
            }

            // Silence has no loudness to normalise; leave it as it is.
            double gainDb = double.IsFinite(meter.IntegratedLufs) ? target - meter.IntegratedLufs : 0;
            var buffer = new AudioBuffer(2, block, rate);
            (double Gain, double Lufs)? previous = null;
            for (int pass = 1; ; pass++)
            {
                using var output = new RenderOutput(options.OutputPath, rate, options.Format);
                var analyzer = new MixAnalyzer(rate, 2, options.Analysis == RenderAnalysis.Full);
                var limiter = new LimiterStage(mix.Master.Limiter, rate, gainDb, block, (b, n) => { output.Write(b, n); analyzer.Add(b, n); });
                using (var source = WavReader.Open(scratch))
                {
                    int n;
                    long done = 0;
                    while ((n = source.Read(buffer, block)) > 0)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        limiter.Push(buffer, n);
                        done += n;
                        progress?.Report(new RenderProgress($"normalising (pass {pass})", (double)done / Math.Max(1, total)));
                    }
                }
                limiter.Flush();
                var report = analyzer.Result();
                double error = target - report.IntegratedLufs;
                if (!double.IsFinite(error) || Math.Abs(error) <= LoudnessToleranceLu || pass == MaxNormalisationPasses)
                {
                    progress?.Report(new RenderProgress("writing", 1));
                    output.Commit();
                    return (report, limiter.MaxGainReductionDb, gainDb);
                }
                // Loudness rises with gain but less than 1:1 once the limiter works, so step along the
                // measured slope (secant method) rather than by the raw error.
                double slope = 1;
                if (previous is var (g0, l0) && gainDb != g0) slope = Math.Clamp((report.IntegratedLufs - l0) / (gainDb - g0), 0.05, 1);
                previous = (gainDb, report.IntegratedLufs);
                gainDb += error / slope;
            }
        }
        finally
        {
            File.Delete(scratch);
        }
    }
}
