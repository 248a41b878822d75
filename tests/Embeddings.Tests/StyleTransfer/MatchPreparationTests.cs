using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>What gets analysed: the loudest section where the stems play together, the reference's loudest section, silent stems left out.</summary>
public sealed class MatchPreparationTests
{
    private static readonly MatchOptions FourSeconds = new() { SectionSeconds = 4 };

    [Fact]
    public void The_stems_section_is_where_they_all_play_and_the_references_is_its_loudest()
    {
        // 20 s: everything plays softly, but from 12 s to 17 s both stems are 20 dB louder.
        AudioBuffer Song(int seed) => TestStems.Mono(20, TestStems.Rate, (t, i) =>
            (t is >= 12 and < 17 ? 0.5 : 0.05) * Math.Sin(2 * Math.PI * (110 + 50 * seed) * t));
        var reference = TestStems.Mono(15, TestStems.Rate, (t, _) => (t is >= 3 and < 8 ? 0.5 : 0.02) * Math.Sin(2 * Math.PI * 440 * t));
        var match = MatchPreparation.Prepare([new StemAudio("a", Song(0)), new StemAudio("b", Song(1))], reference, FourSeconds, default);

        Assert.All(match.Stems, s => Assert.InRange(s.StartSeconds, 12, 13));
        Assert.InRange(match.ReferenceStartSeconds, 3, 4);
        Assert.Equal(match.Stems[0].StartSeconds, match.Stems[1].StartSeconds);
        Assert.InRange(match.SectionSeconds, 3.9, 4.1);
        Assert.Equal(0, match.SectionFrames % StyleTransferModel.FrameFrames);
        Assert.Equal(2, match.Reference.ChannelCount);   // a mono reference is placed in both channels
    }

    [Fact]
    public void A_stem_that_plays_only_elsewhere_is_taken_from_its_own_loudest_part()
    {
        var verse = TestStems.Mono(20, TestStems.Rate, (t, _) => t < 10 ? 0.4 * Math.Sin(2 * Math.PI * 220 * t) : 0);
        var drums = TestStems.Mono(20, TestStems.Rate, (t, _) => t < 10 ? 0.4 * Math.Sin(2 * Math.PI * 60 * t) : 0);
        var outro = TestStems.Mono(20, TestStems.Rate, (t, _) => t >= 15 ? 0.3 * Math.Sin(2 * Math.PI * 880 * t) : 0);
        var match = MatchPreparation.Prepare(
            [new StemAudio("verse", verse), new StemAudio("drums", drums), new StemAudio("outro", outro)], TestStems.Noise(5, 0.3, 1), FourSeconds, default);

        Assert.InRange(match.Stems[0].StartSeconds, 0, 6);
        Assert.Equal(match.Stems[0].StartSeconds, match.Stems[1].StartSeconds);
        Assert.InRange(match.Stems[2].StartSeconds, 15, 16);
        Assert.All(match.Stems, s => Assert.False(s.Silent));
    }

    [Fact]
    public void Silent_stems_are_marked_and_stems_at_other_rates_are_resampled()
    {
        var match = MatchPreparation.Prepare(
            [new StemAudio("kick48k", TestStems.Kick(6, rate: 48000)), new StemAudio("empty", TestStems.Silence(6, 2))],
            TestStems.Noise(6, 0.3, 1, rate: 32000), FourSeconds, default);

        Assert.False(match.Stems[0].Silent);
        Assert.True(match.Stems[1].Silent);
        Assert.Single(match.Audible);
        Assert.Equal(MatchPreparation.SampleRate, match.Stems[0].Section.SampleRate);
        Assert.Equal(MatchPreparation.SampleRate, match.Reference.SampleRate);
        Assert.Equal(2, match.Stems[1].Section.ChannelCount);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_message_that_names_it()
    {
        var noise = TestStems.Noise(2, 0.3, 1);
        Assert.Contains("1 to 32 stems", Assert.Throws<ArgumentException>(() => Prepare([], noise)).Message);
        Assert.Contains("1 to 32 stems", Assert.Throws<ArgumentException>(() =>
            Prepare(Enumerable.Range(0, 33).Select(i => new StemAudio($"s{i}", noise)).ToArray(), noise)).Message);
        Assert.Contains("\"Bass\"", Assert.Throws<ArgumentException>(() => Prepare([new("bass", noise), new("Bass", noise)], noise)).Message);
        Assert.Contains("\"surround\" has 6 channels", Assert.Throws<ArgumentException>(() => Prepare([new("surround", new AudioBuffer(6, 1000, 44100))], noise)).Message);
        Assert.Contains("reference is silent", Assert.Throws<ArgumentException>(() => Prepare([new("a", noise)], TestStems.Silence(2))).Message);
        Assert.Contains("too short", Assert.Throws<ArgumentException>(() => Prepare([new("a", noise)], new AudioBuffer(2, 100, 44100))).Message);
        Assert.Contains("gain_db", Assert.Throws<ParameterOutOfRangeException>(() =>
            Prepare([new("a", noise, new TrackSettings { GainDb = 99 })], noise)).Message);
    }

    private static PreparedMatch Prepare(IReadOnlyList<StemAudio> stems, AudioBuffer reference) =>
        MatchPreparation.Prepare(stems, reference, FourSeconds, default);
}
