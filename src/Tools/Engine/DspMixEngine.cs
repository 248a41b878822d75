using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;
using Mixwright.Tools.Persistence;

namespace Mixwright.Tools.Engine;

/// <summary>The session's engine port over the real audio engine in src/Dsp.</summary>
public sealed class DspMixEngine(string cacheDirectory) : IMixEngine
{
    public string CacheDirectory { get; } = Path.GetFullPath(cacheDirectory);

    /// <summary>Decoded and resampled stems are kept beside the session, with its analysis cache.</summary>
    public static DspMixEngine ForSession(string sessionPath) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sessionPath))!, AnalysisCache.FolderName, "audio"));

    public AnalysisSummary AnalyzeStem(string stemPath)
    {
        using var source = AudioFile.Open(stemPath, CacheDirectory);
        return Summarise(MixAnalyzer.Analyze(source));
    }

    public AnalysisSummary AnalyzeMix(MixDefinition mix)
    {
        // A render streamed to a scratch file keeps memory bounded for songs of any length.
        string scratch = Path.Combine(Path.GetTempPath(), $"mixwright-measure-{Guid.NewGuid():N}.wav");
        try
        {
            return Summarise(OfflineRenderer.Render(mix, new RenderOptions(scratch) { CacheDirectory = CacheDirectory }).Analysis);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    public RenderedMix Render(MixDefinition mix, string outputPath)
    {
        var result = OfflineRenderer.Render(mix, new RenderOptions(outputPath) { CacheDirectory = CacheDirectory });
        return new RenderedMix(result.OutputPath, Summarise(result.Analysis));
    }

    public double[] EqResponseDb(ParametricEqSettings eq, HighPassSettings? highPass, IReadOnlyList<double> frequenciesHz, int sampleRate) =>
        frequenciesHz.Select(f => ParametricEq.ResponseDb(eq, highPass, f, sampleRate)).ToArray();

    public static AnalysisSummary Summarise(AnalysisReport r) => new()
    {
        IntegratedLufs = r.IntegratedLufs,
        LoudnessRangeLu = r.LoudnessRangeLu,
        TruePeakDbtp = r.TruePeakDbtp,
        SamplePeakDbfs = r.SamplePeakDbfs,
        RmsDbfs = r.RmsDbfs,
        CrestDb = r.CrestDb,
        StereoWidth = r.StereoWidth,
        StereoImbalance = r.StereoImbalance,
        OctaveDb = r.OctaveDb,
        DurationSeconds = r.DurationSeconds,
        SampleRate = r.SampleRate,
        ChannelCount = r.Channels,
    };
}
