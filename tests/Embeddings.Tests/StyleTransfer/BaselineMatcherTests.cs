using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>The two baselines behind the same API: equal loudness, and the search that renders with the real engine.</summary>
public sealed class BaselineMatcherTests
{
    private static readonly MatchOptions Short = new() { SectionSeconds = 3 };

    private static StemAudio[] Band() =>
    [
        new("kick", TestStems.Kick(6, 0.9)),
        new("hats", TestStems.Hats(6, 0.05)),     // 20-odd dB below the others as delivered
        new("bass", TestStems.Bass(6, 0.5)),
    ];

    [Fact]
    public void Loudness_brings_every_stem_to_one_loudness_and_the_mix_to_the_references_level()
    {
        var stems = Band();
        var reference = TestStems.Scaled(TestStems.Mix(stems, [new TrackSettings(), new TrackSettings(), new TrackSettings()]), -6);
        var result = new LoudnessMixMatcher(Short).Match(stems, reference);

        Assert.Equal(MatchMethod.Loudness, result.Method);
        // The quiet hats get the biggest lift; every stem's loudness plus its gain is the same.
        var loudness = stems.Select(s => Dsp.Analysis.MixAnalyzer.Analyze(MatchPreparation.ToStereo(s.Audio)).IntegratedLufs).ToArray();
        var levels = result.Tracks.Select((t, i) => loudness[i] + t.Settings.GainDb).ToArray();
        Assert.InRange(levels.Max() - levels.Min(), 0, 1.0);
        Assert.True(result.Track("hats").Settings.GainDb > result.Track("kick").Settings.GainDb + 10);
        // Nothing but levels moves.
        Assert.All(result.Tracks, t => Assert.True(t.Settings.Eq.IsFlat && t.Settings.Pan == 0 && !t.Settings.Compressor.Enabled));
        Assert.NotNull(result.Errors);
        Assert.InRange(result.Errors!.RmsDb, 0, 0.3);

        Assert.All(result.DriversFor("hats"), d => Assert.Equal(DriverFeature.EqualLoudness, d.Feature));
        var master = Assert.Single(result.DriversFor(ParameterDriver.MasterTarget));
        Assert.Equal(("output_gain_db", DriverFeature.Rms), (master.Parameter, master.Feature));
        Assert.Contains("the master", master.Sentence);
    }

    [Fact]
    public void Optimize_finds_a_console_much_closer_to_a_reference_mixed_from_the_same_stems()
    {
        var stems = Band();
        var truth = new[]
        {
            new TrackSettings { GainDb = -8 },
            new TrackSettings { GainDb = 14, Pan = 0.7 },
            new TrackSettings { GainDb = -2, Eq = ParametricEqSettings.Flat.WithBand(0, ParametricEqSettings.Flat.Bands[0] with { GainDb = 6 }) },
        };
        var reference = TestStems.Mix(stems, truth);
        var options = new MatchOptions { SectionSeconds = 2, OptimizeMaxRenders = 40 };
        var loudness = new LoudnessMixMatcher(options).Match(stems, reference);
        var optimizer = new OptimizingMixMatcher(options);
        var optimized = optimizer.Match(stems, reference);

        Assert.Equal(MatchMethod.Optimize, optimized.Method);
        Assert.InRange(optimizer.LastRenders, 10, 41);
        Assert.True(optimized.Errors!.Loss < 0.5 * loudness.Errors!.Loss,
            $"optimize loss {optimized.Errors.Loss:0.000} vs equal loudness {loudness.Errors.Loss:0.000}");
        // The hats went right, as in the reference.
        Assert.True(optimized.Track("hats").Settings.Pan > 0.2, $"hats pan {optimized.Track("hats").Settings.Pan}");
        var hatsPan = Assert.Single(optimized.DriversFor("hats"), d => d.Parameter == "pan");
        Assert.Contains(hatsPan.Feature, new[] { DriverFeature.Imbalance, DriverFeature.Width, DriverFeature.BarkSide });
        Assert.Contains("panned hats", hatsPan.Sentence);
    }

    [Fact]
    public void Silent_stems_come_back_unchanged_and_a_mix_of_only_silence_has_nothing_to_match()
    {
        var current = new TrackSettings { GainDb = -3, Pan = -0.5, Mute = true };
        var stems = new[] { new StemAudio("kick", TestStems.Kick(4)), new StemAudio("gap", TestStems.Silence(4), current) };
        var result = new LoudnessMixMatcher(Short).Match(stems, TestStems.Noise(4, 0.2, 3));
        Assert.True(result.Track("gap").Silent);
        Assert.Same(current, result.Track("gap").Settings);
        Assert.Empty(result.DriversFor("gap"));

        var none = new LoudnessMixMatcher(Short).Match([new StemAudio("gap", TestStems.Silence(4), current)], TestStems.Noise(4, 0.2, 3));
        Assert.Same(current, Assert.Single(none.Tracks).Settings);
        Assert.Empty(none.Drivers);
        Assert.Null(none.Matched);
    }
}
