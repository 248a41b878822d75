using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Embeddings.StyleTransfer.MasterTone;
using Mixwright.Embeddings.StyleTransfer.Recording;
using Mixwright.Embeddings.Tests.StyleTransfer.Recording;
using Xunit;

namespace Mixwright.Embeddings.Tests.StyleTransfer.MasterTone;

public sealed class MasterToneStageTests
{
    [Fact]
    public void A_darker_reference_turns_the_master_treble_down_and_leaves_every_track_alone()
    {
        StemAudio[] stems =
        [
            new("bass", RecordingStems.Notes(10, 55, 31, 0.3)),
            new("lead", RecordingStems.Notes(10, 523, 32)),
            new("noise", RecordingStems.Notes(10, 2000, 33, 0.1, noisy: true)),
        ];
        var eq = ParametricEqSettings.Flat;
        var dark = new TrackSettings { Eq = eq.WithBand(5, eq.Bands[5] with { GainDb = -10 }).WithBand(4, eq.Bands[4] with { GainDb = -6 }) };
        // Another arrangement of the same instruments, mixed darker: a different song in the same style.
        StemAudio[] other = [new("bass", RecordingStems.Notes(10, 55, 41, 0.3)), new("lead", RecordingStems.Notes(10, 523, 42)), new("noise", RecordingStems.Notes(10, 2000, 43, 0.1, noisy: true))];
        var reference = TestStems.Mix(other, [dark, dark, dark]);
        var matcher = new LoudnessMixMatcher(new MatchOptions { MeasureMatch = false });
        var matched = matcher.Match(stems, reference);

        var result = MasterToneStage.Apply(matched, stems.Select(s => s.Audio).ToArray(), reference, "dark.wav");

        Assert.True(result.Master.Eq.Bands[5].GainDb < -3, string.Join(" ", result.Master.Eq.Bands.Select(b => b.GainDb)));
        Assert.All(result.Master.Eq.Bands, b => Assert.InRange(b.GainDb, -ConsoleCoordinates.EqSearchDb, ConsoleCoordinates.EqSearchDb));
        Assert.Equal(matched.Tracks.Select(t => t.Settings), result.Tracks.Select(t => t.Settings));   // the balance is the matcher's
        var why = Assert.Single(result.DriversFor(ParameterDriver.MasterTarget), d => d.Parameter == "eq.band6.gain_db");
        Assert.Contains("dark.wav's long-term spectrum has", why.Sentence);
    }
}
