using Mixwright.Dsp.Audio;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>Reading only the analysed sections of files gives the match that reading them whole gives.</summary>
public sealed class SectionLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-sections-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Sections_are_found_by_streaming_and_match_like_whole_buffers()
    {
        // 24 s songs whose stems play loudly together only from 14 s to 20 s; the outro stem plays only at the end.
        AudioBuffer Part(double hz, double loud, double from, double to) =>
            TestStems.Mono(24, TestStems.Rate, (t, _) => (t >= from && t < to ? loud : loud / 30) * Math.Sin(2 * Math.PI * hz * t));
        var audio = new[] { Part(80, 0.6, 14, 20), Part(440, 0.1, 14, 20), TestStems.Mono(24, TestStems.Rate, (t, _) => t > 20.5 ? 0.2 * Math.Sin(2 * Math.PI * 1200 * t) : 0) };
        string[] names = ["bass", "lead", "outro"];
        var files = audio.Select((a, i) =>
        {
            string path = Path.Combine(_dir, $"{names[i]}.wav");
            WavWriter.Write(path, a, WavSampleFormat.Float32);
            return new StemFile(names[i], path);
        }).ToArray();
        string refPath = Path.Combine(_dir, "ref.flac");
        var reference = TestStems.Mono(16, 48000, (t, _) => (t is > 8 and < 14 ? 0.5 : 0.01) * Math.Sin(2 * Math.PI * 300 * t));
        AudioFile.Save(refPath, reference);
        var options = new MatchOptions { SectionSeconds = 4 };

        var sections = SectionLoader.LoadStems(files, options, Path.Combine(_dir, "cache"));
        var refSection = SectionLoader.LoadReference(refPath, options, Path.Combine(_dir, "cache"));

        Assert.InRange(sections[0].OffsetSeconds, 14, 16);
        Assert.Equal(sections[0].OffsetSeconds, sections[1].OffsetSeconds);
        Assert.InRange(sections[2].OffsetSeconds, 20, 20.1);
        Assert.InRange(refSection.OffsetSeconds, 8, 10);
        Assert.All(sections, s => Assert.InRange(s.Stem.Audio.DurationSeconds, 4, 4.3));
        Assert.Equal(48000, refSection.Stem.Audio.SampleRate);

        var matcher = new LoudnessMixMatcher(options with { MeasureMatch = false });
        var fromSections = matcher.Match(sections.Select(s => s.Stem).ToArray(), refSection.Stem.Audio);
        var fromWhole = matcher.Match(audio.Select((a, i) => new StemAudio(names[i], a)).ToArray(), AudioFile.ReadAll(refPath));
        for (int i = 0; i < names.Length; i++)
            Assert.Equal(fromWhole.Tracks[i].Settings.GainDb, fromSections.Tracks[i].Settings.GainDb, 0.3);
        Assert.Equal(fromWhole.Master.OutputGainDb, fromSections.Master.OutputGainDb, 0.3);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(_dir, "nope.wav");
        var e = Assert.Throws<AudioFormatException>(() => SectionLoader.LoadStems([new StemFile("nope", path)], new MatchOptions(), _dir));
        Assert.Contains(path, e.Message);
    }
}
