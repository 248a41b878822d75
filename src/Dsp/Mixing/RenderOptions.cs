using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Mixing;

/// <summary>How to render: where to, in what format, and the loudness target if it overrides the master's.</summary>
public sealed record RenderOptions(string OutputPath)
{
    /// <summary>Sample format when the output is WAV; other formats are encoded by ffmpeg.</summary>
    public WavSampleFormat Format { get; init; } = WavSampleFormat.Float32;
    /// <summary>Overrides the master's loudness target when set.</summary>
    public double? LoudnessTargetLufs { get; init; }
    /// <summary>
    /// Frames per block: memory use scales with this, not with the song's length. 4096 keeps a strip's buffers
    /// (about 100 KB) in its core's cache (measured on the render bench: a few percent faster than 8192).
    /// </summary>
    public int BlockFrames { get; init; } = 4096;
    /// <summary>Where decoded/resampled copies of non-WAV or other-rate stems are kept between renders.</summary>
    public string? CacheDirectory { get; init; }
    public int? MaxParallelism { get; init; }
    /// <summary>What to measure of the output; spectra cost a few percent of a render, so a caller that shows none can skip them.</summary>
    public RenderAnalysis Analysis { get; init; } = RenderAnalysis.Full;
    /// <summary>Let the reverb ring out after the last stem ends.</summary>
    public bool IncludeReverbTail { get; init; } = true;
}

/// <summary>A stage of the render and how far through it is (0..1).</summary>
public sealed record RenderProgress(string Stage, double Fraction);
