using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Feeds every analyser in one pass over a stream (a file read block by block, or a render in
/// progress) and assembles an <see cref="AnalysisReport"/>. Memory does not grow with length beyond
/// the loudness meter's one double per 100 ms.
/// </summary>
public sealed class MixAnalyzer
{
    private readonly LoudnessMeter _loudness;
    private readonly TruePeakMeter _truePeak;
    private readonly LevelStats _levels;
    private readonly StereoMeasures _stereo;
    private readonly SpectrumAccumulator? _spectrum;
    private long _frames;

    /// <param name="spectrum">Measure the spectra (Bark mid/side, octave bands); without, the report's spectra are empty.</param>
    public MixAnalyzer(int sampleRate, int channels, bool spectrum = true)
    {
        BlockGuard.CheckSampleRate(sampleRate, nameof(MixAnalyzer));
        BlockGuard.CheckChannels(channels, 2, nameof(MixAnalyzer));
        SampleRate = sampleRate;
        Channels = channels;
        _loudness = new LoudnessMeter(sampleRate, channels);
        _truePeak = new TruePeakMeter(channels);
        _levels = new LevelStats(channels);
        _stereo = new StereoMeasures(channels);
        _spectrum = spectrum ? new SpectrumAccumulator(sampleRate, channels) : null;
    }

    public int SampleRate { get; }
    public int Channels { get; }

    /// <summary>The loudness meter, for its short-term curve and momentary/short-term maxima.</summary>
    public LoudnessMeter LoudnessMeter => _loudness;

    /// <summary>The shared spectrum, for measures such as <see cref="SpectralOverlap"/>.</summary>
    public SpectrumAccumulator Spectrum => _spectrum ?? throw new InvalidOperationException("MixAnalyzer: this analyzer was made without the spectrum.");

    public void Reset()
    {
        _loudness.Reset();
        _truePeak.Reset();
        _levels.Reset();
        _stereo.Reset();
        _spectrum?.Reset();
        _frames = 0;
    }

    public void Add(AudioBuffer block, int frames)
    {
        BlockGuard.Check(block, frames, Channels, SampleRate, nameof(MixAnalyzer));
        _loudness.Add(block, frames);
        _truePeak.Add(block, frames);
        _levels.Add(block, frames);
        _stereo.Add(block, frames);
        _spectrum?.Add(block, frames);
        _frames += frames;
    }

    /// <summary>The report for everything added so far; can be read mid-stream.</summary>
    public AnalysisReport Result()
    {
        var spectrum = _spectrum?.Average();
        var bark = spectrum is null ? null : BarkSpectrum.From(spectrum);
        return new AnalysisReport(
            IntegratedLufs: _loudness.IntegratedLufs,
            LoudnessRangeLu: _loudness.LoudnessRangeLu,
            TruePeakDbtp: _truePeak.TruePeakDbtp,
            SamplePeakDbfs: _levels.SamplePeakDbfs,
            RmsDbfs: _levels.RmsDbfs,
            CrestDb: _levels.CrestDb,
            StereoWidth: _stereo.Width,
            StereoImbalance: _stereo.Imbalance,
            BarkMidDb: bark?.MidDb ?? [],
            BarkSideDb: bark?.SideDb ?? [],
            OctaveDb: spectrum is null ? new Dictionary<string, double>() : OctaveBands.From(spectrum),
            DurationSeconds: (double)_frames / SampleRate,
            SampleRate: SampleRate,
            Channels: Channels);
    }

    public static AnalysisReport Analyze(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var analyzer = new MixAnalyzer(audio.SampleRate, audio.ChannelCount);
        analyzer.Add(audio, audio.Frames);
        return analyzer.Result();
    }

    /// <summary>
    /// Reads <paramref name="source"/> to its end in blocks of <paramref name="blockFrames"/> and
    /// analyses it: memory stays bounded however long the source is.
    /// </summary>
    public static AnalysisReport Analyze(IAudioSource source, int blockFrames = 8192)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockFrames);
        var analyzer = new MixAnalyzer(source.SampleRate, source.ChannelCount);
        var block = new AudioBuffer(source.ChannelCount, blockFrames, source.SampleRate);
        int read;
        while ((read = source.Read(block, blockFrames)) > 0) analyzer.Add(block, read);
        return analyzer.Result();
    }
}
