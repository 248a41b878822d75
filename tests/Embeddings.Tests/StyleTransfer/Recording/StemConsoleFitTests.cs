using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Embeddings.StyleTransfer.Recording;
using Mixwright.Embeddings.Tests.StyleTransfer;
using Xunit;

namespace Mixwright.Embeddings.Tests.StyleTransfer.Recording;

public sealed class StemConsoleFitTests
{
    private const double Seconds = 12;

    private static StemAudio[] Band() =>
    [
        new("bass", RecordingStems.Notes(Seconds, 55, 11, 0.3)),
        new("piano", RecordingStems.Notes(Seconds, 262, 12)),
        new("shaker", RecordingStems.Notes(Seconds, 1000, 13, 0.1, noisy: true)),
        new("pad", RecordingStems.StereoNotes(Seconds, 440, 14)),
    ];

    private static readonly TrackSettings[] RoughMix =
    [
        new() { GainDb = -3 },
        new() { GainDb = -4.2, Pan = -0.4 },
        new() { GainDb = 5, Pan = 0.6 },
        new() { GainDb = -7, Pan = 0.3 },
    ];

    private static (RecordingAlignment Alignment, RecordingFit Fit) Fit(StemAudio[] stems, TrackSettings[] mix, double delaySeconds = 0.73)
    {
        var reference = RecordingStems.Delayed(TestStems.Mix(stems, mix), delaySeconds);
        var alignment = SameRecordingDetector.Detect(stems.Select(s => s.Audio).ToArray(), reference, "your rough mix");
        var fit = StemConsoleFit.Solve(stems.Select(s => new StemConsoleFit.Stem(s.Name, s.Audio, s.Settings)).ToArray(), reference, alignment);
        return (alignment, fit);
    }

    [Fact]
    public void A_rough_mix_of_the_stems_is_found_at_its_offset_and_gives_back_each_gain_and_pan()
    {
        var (alignment, fit) = Fit(Band(), RoughMix);

        Assert.True(alignment.SameRecording, alignment.Message);
        Assert.True(alignment.Confidence > 0.9, alignment.Message);
        Assert.InRange(alignment.LagSeconds, 0.72, 0.74);
        for (int i = 0; i < RoughMix.Length; i++)
        {
            var t = fit.Tracks[i];
            Assert.Equal(StemPresence.Present, t.Presence);
            Assert.InRange(t.Settings.GainDb, RoughMix[i].GainDb - 0.5, RoughMix[i].GainDb + 0.5);
            Assert.InRange(t.Settings.Pan, RoughMix[i].Pan - 0.06, RoughMix[i].Pan + 0.06);
            Assert.Equal(1, t.Settings.Width);   // a stereo stem stays stereo
        }
        Assert.True(fit.ResidualDb < 1.5, $"residual {fit.ResidualDb:0.00} dB");
        Assert.True(fit.Coherent);   // an engine bounce is a sample-aligned sum: solved on the complex spectrogram
    }

    [Fact]
    public void A_stem_the_rough_mix_lacks_goes_off_and_the_others_still_fit()
    {
        var mix = RoughMix.ToArray();
        mix[2] = mix[2] with { Mute = true };
        var (alignment, fit) = Fit(Band(), mix);

        Assert.True(alignment.SameRecording, alignment.Message);
        Assert.Equal(StemPresence.Absent, fit.Tracks[2].Presence);
        Assert.True(fit.Tracks[2].Settings.Mute);
        Assert.InRange(fit.Tracks[1].Settings.GainDb, -4.7, -3.7);
    }

    [Fact]
    public void An_eq_boost_in_the_rough_mix_comes_back_as_an_eq_move_on_that_stem()
    {
        var mix = RoughMix.ToArray();
        var eq = ParametricEqSettings.Flat;
        mix[1] = mix[1] with { Eq = eq.WithBand(2, eq.Bands[2] with { GainDb = 8 }) };   // piano +8 dB at 500 Hz, where its harmonics are
        var (_, fit) = Fit(Band(), mix);

        Assert.True(fit.Tracks[1].Settings.Eq.Bands[2].GainDb > 3, string.Join(" ", fit.Tracks[1].EqBandGainsDb));
        Assert.True(fit.ResidualDb <= fit.ResidualBeforeEqDb);
    }

    [Fact]
    public void Another_song_is_not_taken_for_a_mix_of_the_stems()
    {
        StemAudio[] other =
        [
            new("bass", RecordingStems.Notes(Seconds, 55, 21, 0.3)),
            new("piano", RecordingStems.Notes(Seconds, 262, 22)),
            new("shaker", RecordingStems.Notes(Seconds, 1000, 23, 0.1, noisy: true)),
            new("pad", RecordingStems.StereoNotes(Seconds, 440, 24)),
        ];
        var reference = TestStems.Mix(other, RoughMix);
        var alignment = SameRecordingDetector.Detect(Band().Select(s => s.Audio).ToArray(), reference, "song.wav");

        Assert.False(alignment.SameRecording);
        Assert.Contains("song.wav is not a mix of these stems", alignment.Message);
    }

    [Fact]
    public void The_matcher_explains_each_strip_by_the_fit()
    {
        var stems = Band();
        var reference = TestStems.Mix(stems, RoughMix);
        using var matcher = new RecordingMixMatcher(new LoudnessMixMatcher(new MatchOptions { MeasureMatch = false })) { ReferenceName = "your rough mix" };

        var result = matcher.Match(stems, reference);

        Assert.NotNull(result.Recording);
        Assert.InRange(result.Track("piano").Settings.GainDb, -4.7, -3.7);
        var why = Assert.Single(result.DriversFor("piano"), d => d.Parameter == "gain_db");
        Assert.Contains("because in your rough mix the piano sits", why.Sentence);
        Assert.Contains("fit residual", why.Sentence);
    }
}
