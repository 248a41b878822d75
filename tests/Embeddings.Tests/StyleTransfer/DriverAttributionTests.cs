using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>
/// Each moved parameter is explained by the reference feature it answers. Here the reference is the stems mixed
/// with one known move, so the right answer is known: the driver must be that move's feature, in its region,
/// with the reference on the right side of the gap.
/// </summary>
public sealed class DriverAttributionTests
{
    private const double Seconds = 3;

    private static StemAudio[] Stems() =>
    [
        new("kick", TestStems.Kick(Seconds, 0.6)),
        new("hats", TestStems.Hats(Seconds, 0.3)),
        new("bass", TestStems.Bass(Seconds, 0.3)),
        new("pad", TestStems.Pad(Seconds, 0.2)),
    ];

    private static readonly TrackSettings[] Unity = [new(), new(), new(), new()];

    [Fact]
    public void A_high_shelf_boost_on_the_hats_is_driven_by_the_references_louder_top_end()
    {
        var eq = ParametricEqSettings.Flat.WithBand(5, ParametricEqSettings.Flat.Bands[5] with { GainDb = 9, FrequencyHz = 6000 });
        var d = DriverOf(1, t => t with { Eq = eq }, "eq.band6.gain_db");
        Assert.Contains(d.Feature, new[] { DriverFeature.BarkMid, DriverFeature.BarkSide });
        Assert.True(d.LowHz >= 2000, $"region {d.LowHz}-{d.HighHz} Hz");
        Assert.True(d.Gap > 1, $"gap {d.Gap:0.0} dB");
        Assert.True(d.Contribution > 0);
        Assert.Contains("louder", d.Sentence);
        Assert.Contains("boosted the highs above 6 kHz on hats by 9.0 dB", d.Sentence);
    }

    [Fact]
    public void Turning_the_bass_down_is_driven_by_the_references_quieter_low_end()
    {
        var d = DriverOf(2, t => t with { GainDb = -9 }, "gain_db");
        Assert.Equal(DriverFeature.BarkMid, d.Feature);
        Assert.True(d.HighHz <= 400, $"region {d.LowHz}-{d.HighHz} Hz");
        Assert.True(d.Gap < -1, $"gap {d.Gap:0.0} dB");
        Assert.Contains("quieter", d.Sentence);
        Assert.Contains("set bass 9.0 dB below", d.Sentence);
    }

    [Fact]
    public void Compressing_the_kick_hard_is_driven_by_the_references_lower_crest_factor()
    {
        var d = DriverOf(0, t => t with { Compressor = new CompressorSettings(true, -30, 10, 0.5, 200, 0, 12) }, "compressor.ratio");
        Assert.Equal(DriverFeature.Crest, d.Feature);
        Assert.True(d.Gap < 0, $"gap {d.Gap:0.0} dB");
        Assert.Contains("denser", d.Sentence);
        Assert.Contains("compressed kick (10.0:1", d.Sentence);
    }

    [Fact]
    public void Panning_the_pad_right_is_driven_by_the_references_stereo_image_in_the_direction_of_the_move()
    {
        var d = DriverOf(3, t => t with { Pan = 0.9 }, "pan");
        // Balance on a stereo pad moves the image right, widens it and puts its chord into the side channel:
        // any of the three may lead, but the reference must have more of it.
        Assert.Contains(d.Feature, new[] { DriverFeature.Imbalance, DriverFeature.Width, DriverFeature.BarkSide });
        Assert.True(d.Gap > 0, $"{d.Feature} gap {d.Gap:0.00}");
        Assert.Contains(d.Feature switch { DriverFeature.Imbalance => "leans further right", DriverFeature.Width => "is wider", _ => "louder" }, d.Sentence);
        Assert.EndsWith("so I panned pad 90% right.", d.Sentence);
    }

    [Fact]
    public void The_estimate_of_a_move_agrees_with_the_engines_render()
    {
        var stems = Stems();
        var louderBass = Unity.Select((t, i) => i == 2 ? t with { GainDb = 6 } : t).ToArray();
        var hatsRight = Unity.Select((t, i) => i == 1 ? t with { Pan = 1 } : t).ToArray();
        var (match, estimator) = Prepared(stems, TestStems.Mix(stems, Unity));
        var unity = match.ReferenceFeatures;
        var rendered = MixFeatures.Measure(TestStems.Mix(stems, louderBass));
        var panned = MixFeatures.Measure(TestStems.Mix(stems, hatsRight));
        var estUnity = estimator.Estimate(Unity, MasterSettings.Default, ReverbSettings.Default);

        var estBass = estimator.Estimate(louderBass, MasterSettings.Default, ReverbSettings.Default);
        Assert.Equal(rendered.RmsDb - unity.RmsDb, estBass.RmsDb - estUnity.RmsDb, 0.75);
        Assert.Equal(rendered.BarkMidDb[2] - unity.BarkMidDb[2], estBass.BarkMidDb[2] - estUnity.BarkMidDb[2], 1.0);

        var estPan = estimator.Estimate(hatsRight, MasterSettings.Default, ReverbSettings.Default);
        Assert.True(panned.Imbalance > 0.02 && estPan.Imbalance > 0.02, $"imbalance rendered {panned.Imbalance:0.000}, estimated {estPan.Imbalance:0.000}");
        Assert.Equal(panned.Imbalance, estPan.Imbalance, 0.05);
        Assert.Equal(panned.Width, estPan.Width, 0.05);
        Assert.Equal(unity.Width, estUnity.Width, 0.05);
    }

    private static ParameterDriver DriverOf(int track, Func<TrackSettings, TrackSettings> move, string parameter)
    {
        var stems = Stems();
        var moved = Unity.Select((t, i) => i == track ? move(t) : t).ToArray();
        var (match, estimator) = Prepared(stems, TestStems.Mix(stems, moved));
        var baseline = new ConsoleProposal(Unity, MasterSettings.Default, ReverbSettings.Default);
        var final = baseline with { Tracks = moved };
        var drivers = DriverAttribution.Explain(match, estimator, baseline, final, match.ReferenceFeatures);
        Assert.All(drivers, d => Assert.Equal(stems[track].Name, d.Target));   // only the moved track is explained
        return Assert.Single(drivers, d => d.Parameter == parameter);
    }

    private static (PreparedMatch, MixEstimator) Prepared(StemAudio[] stems, Dsp.Audio.AudioBuffer reference)
    {
        var match = MatchPreparation.Prepare(stems, reference, new MatchOptions { SectionSeconds = Seconds }, default);
        return (match, new MixEstimator(match.Audible.Select(s => StemProfile.Measure(s.Name, s.Section)).ToArray()));
    }
}
