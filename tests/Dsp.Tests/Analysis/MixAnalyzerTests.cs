using System.Text.Json;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class MixAnalyzerTests
{
    private static readonly AudioBuffer Song = TestSignals.Song(44100, 2, seconds: 9);

    [Fact]
    public void Streaming_in_blocks_of_1000_frames_equals_analysing_the_whole_buffer()
    {
        var whole = MixAnalyzer.Analyze(Song);
        var analyzer = new MixAnalyzer(44100, 2);
        TestSignals.Stream(Song, 1000, analyzer.Add);
        var streamed = analyzer.Result();

        Assert.Equal(whole.IntegratedLufs, streamed.IntegratedLufs, 6); // float sums in vector order: equal to ~1e-8 LU
        // Float sums in vector order: equal to a few 1e-7 LU (an absolute bound: rounding both to 6 places can split 7.7406814 and 7.7406816).
        Assert.InRange(Math.Abs(whole.LoudnessRangeLu - streamed.LoudnessRangeLu), 0, 1e-5);
        Assert.Equal(whole.TruePeakDbtp, streamed.TruePeakDbtp, 12);
        Assert.Equal(whole.SamplePeakDbfs, streamed.SamplePeakDbfs, 12);
        Assert.Equal(whole.RmsDbfs, streamed.RmsDbfs, 9);
        Assert.Equal(whole.CrestDb, streamed.CrestDb, 9);
        Assert.Equal(whole.StereoWidth, streamed.StereoWidth, 9);
        Assert.Equal(whole.StereoImbalance, streamed.StereoImbalance, 9);
        for (int b = 0; b < 24; b++)
        {
            Assert.Equal(whole.BarkMidDb[b], streamed.BarkMidDb[b], 9);
            Assert.Equal(whole.BarkSideDb[b], streamed.BarkSideDb[b], 9);
        }
        foreach (var (band, level) in whole.OctaveDb) Assert.Equal(level, streamed.OctaveDb[band], 9);
        Assert.Equal(whole.DurationSeconds, streamed.DurationSeconds);
    }

    [Fact]
    public void Report_gathers_the_individual_measurements()
    {
        var report = MixAnalyzer.Analyze(Song);
        var loudness = new LoudnessMeter(44100, 2);
        loudness.Add(Song, Song.Frames);
        var stereo = new StereoMeasures(2);
        stereo.Add(Song, Song.Frames);

        Assert.Equal(loudness.IntegratedLufs, report.IntegratedLufs);
        Assert.Equal(loudness.LoudnessRangeLu, report.LoudnessRangeLu);
        Assert.Equal(stereo.Width, report.StereoWidth);
        Assert.Equal(9.0, report.DurationSeconds);
        Assert.Equal((44100, 2), (report.SampleRate, report.Channels));
        Assert.InRange(report.SamplePeakDbfs, -1.001, -0.999);   // the song is normalised to -1 dBFS
        Assert.True(report.TruePeakDbtp >= report.SamplePeakDbfs);
        Assert.Equal(report.SamplePeakDbfs - report.RmsDbfs, report.CrestDb, 9);
        Assert.InRange(report.StereoWidth, 0.01, 1);               // mostly centred, some spread
    }

    [Fact]
    public void Json_has_exactly_the_snake_case_keys()
    {
        using var json = JsonDocument.Parse(MixAnalyzer.Analyze(Song).ToJson());
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["integrated_lufs", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs", "rms_dbfs", "crest_db",
             "stereo_width", "stereo_imbalance", "bark_mid_db", "bark_side_db", "octave_db", "duration_s",
             "sample_rate", "channels"],
            keys);
        Assert.Equal(24, json.RootElement.GetProperty("bark_mid_db").GetArrayLength());
        Assert.Equal(OctaveBands.Labels, json.RootElement.GetProperty("octave_db").EnumerateObject().Select(p => p.Name));
        Assert.Equal(44100, json.RootElement.GetProperty("sample_rate").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("integrated_lufs").GetDouble(), -30, -5);
    }

    [Fact]
    public void Silence_serialises_its_minus_infinite_levels_as_null()
    {
        var report = MixAnalyzer.Analyze(new AudioBuffer(2, 44100 * 2, 44100));
        Assert.Equal(double.NegativeInfinity, report.IntegratedLufs);
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        foreach (string key in new[] { "integrated_lufs", "true_peak_dbtp", "sample_peak_dbfs", "rms_dbfs", "crest_db" })
            Assert.Equal(JsonValueKind.Null, root.GetProperty(key).ValueKind);
        Assert.All(root.GetProperty("octave_db").EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        Assert.Equal(0, root.GetProperty("loudness_range_lu").GetDouble());
        Assert.Equal(-160, root.GetProperty("bark_mid_db")[0].GetDouble(), 6);
    }

    [Fact]
    public void Mono_has_no_stereo_image_and_counts_once()
    {
        var mono = TestSignals.SineAtDbfs(48000, 3, 1000, -20, 1);
        var report = MixAnalyzer.Analyze(mono);
        Assert.Equal((0.0, 0.0), (report.StereoWidth, report.StereoImbalance));
        Assert.InRange(report.IntegratedLufs, -23.1, -22.9);
        Assert.InRange(report.OctaveDb["1000"], -20.1, -19.9);
    }

    [Fact]
    public void A_progress_read_does_not_disturb_the_final_result()
    {
        var withReads = new MixAnalyzer(44100, 2);
        int blocks = 0;
        TestSignals.Stream(Song, 4096, (block, frames) =>
        {
            withReads.Add(block, frames);
            if (++blocks % 50 == 0) withReads.Result();
        });
        var without = new MixAnalyzer(44100, 2);
        TestSignals.Stream(Song, 4096, without.Add);
        Assert.Equal(without.Result().ToJson(), withReads.Result().ToJson());
    }

    [Fact]
    public void An_audio_source_is_read_block_by_block_to_its_end()
    {
        using var source = new BufferSource(Song);
        var fromSource = MixAnalyzer.Analyze(source, blockFrames: 1000);
        var streamed = new MixAnalyzer(44100, 2);
        TestSignals.Stream(Song, 1000, streamed.Add);
        Assert.Equal(streamed.Result().ToJson(), fromSource.ToJson());
        Assert.Equal(Song.Frames, source.Position);
    }

    /// <summary>An <see cref="IAudioSource"/> over a buffer, standing in for a file reader.</summary>
    private sealed class BufferSource(AudioBuffer audio) : IAudioSource
    {
        public int Position { get; private set; }
        public int SampleRate => audio.SampleRate;
        public int ChannelCount => audio.ChannelCount;
        public long LengthFrames => audio.Frames;

        public int Read(AudioBuffer destination, int frames)
        {
            int n = Math.Min(frames, audio.Frames - Position);
            for (int c = 0; c < ChannelCount; c++) audio.Channel(c).Slice(Position, n).CopyTo(destination.Channel(c));
            Position += n;
            return n;
        }

        public void Dispose() { }
    }

    [Fact]
    public void Surround_input_is_refused_with_the_parameter_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MixAnalyzer(48000, 6));
        Assert.Equal("channels", error.ParamName);
        Assert.Contains("MixAnalyzer", error.Message);
    }
}
