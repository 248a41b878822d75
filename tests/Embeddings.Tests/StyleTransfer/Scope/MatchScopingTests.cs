using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Embeddings.StyleTransfer.Scope;
using Xunit;

namespace Mixwright.Embeddings.Tests.StyleTransfer.Scope;

public sealed class MatchScopingTests
{
    private static readonly TrackSettings Now = new() { GainDb = -2, Pan = 0 };

    private static MatchResult Matched()
    {
        var eq = ParametricEqSettings.Flat;
        var vocal = new TrackSettings { GainDb = 4, Pan = -0.5, Eq = eq.WithBand(3, eq.Bands[3] with { GainDb = 6 }), ReverbSendDb = -20 };
        var bass = new TrackSettings { GainDb = -8, Pan = 0.2, ReverbSendDb = -56 };
        var drivers = new[]
        {
            new ParameterDriver("vocal", "gain_db", 4, DriverFeature.Rms, 0, 0, null, null, 0.2, "The vocal is quieter in the reference."),
            new ParameterDriver("vocal", "eq.band4.gain_db", 6, DriverFeature.BarkMid, 0, 0, 1500, 1500, 0.1, "The reference has more at 1.5 kHz."),
            new ParameterDriver("bass", "pan", 0.2, DriverFeature.Imbalance, 0, 0, null, null, 0.01, "The reference leans right."),
        };
        return new MatchResult(MatchMethod.Model, [new("vocal", vocal, false, 0), new("bass", bass, false, 0)],
            MasterSettings.Default with { OutputGainDb = 3 }, ReverbSettings.Default, drivers,
            new MixFeatures(-20, 12, 0.1, 0, new double[24], new double[24]), null, 0, 6, 0.1);
    }

    [Fact]
    public void Only_the_eq_keeps_levels_pans_sends_and_the_master_gain()
    {
        var r = MatchScoping.Apply(Matched(), new MatchScope(MatchAspect.Eq), _ => Now, MasterSettings.Default, ReverbSettings.Default);

        var vocal = r.Track("vocal").Settings;
        Assert.Equal(6, vocal.Eq.Bands[3].GainDb);
        Assert.Equal(-2, vocal.GainDb);
        Assert.Equal(0, vocal.Pan);
        Assert.Equal(Now.ReverbSendDb, vocal.ReverbSendDb);
        Assert.Equal(0, r.Master.OutputGainDb);
        Assert.All(r.Drivers, d => Assert.StartsWith("eq.", d.Parameter));
    }

    [Fact]
    public void Halfway_moves_each_value_half_the_distance_and_says_so()
    {
        var r = MatchScoping.Apply(Matched(), new MatchScope(AmountPercent: 50), _ => Now, MasterSettings.Default, ReverbSettings.Default);

        var vocal = r.Track("vocal").Settings;
        Assert.Equal(1, vocal.GainDb, 3);          // -2 -> 4, halfway
        Assert.Equal(-0.25, vocal.Pan, 3);
        Assert.Equal(3, vocal.Eq.Bands[3].GainDb, 3);
        Assert.Equal(-26, vocal.ReverbSendDb, 0.1); // half the amplitude of a -20 dB send from off
        Assert.Equal(1.5, r.Master.OutputGainDb, 3);
        Assert.Contains("matched at 50 %", r.DriversFor("vocal").First().Sentence);
        Assert.Equal(1, r.DriversFor("vocal").First(d => d.Parameter == "gain_db").Value, 3);
    }

    [Fact]
    public void Just_one_track_leaves_the_others_and_the_master_alone()
    {
        var r = MatchScoping.Apply(Matched(), new MatchScope(Tracks: ["VOCAL"]), _ => Now, MasterSettings.Default, ReverbSettings.Default);

        Assert.Equal(4, r.Track("vocal").Settings.GainDb);
        Assert.Equal(Now, r.Track("bass").Settings);
        Assert.Equal(MasterSettings.Default, r.Master);
        Assert.DoesNotContain(r.Drivers, d => d.Target == "bass");
    }

    [Fact]
    public void Unknown_tracks_aspects_and_amounts_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => MatchScoping.Apply(Matched(), new MatchScope(Tracks: ["piano"]), _ => Now, MasterSettings.Default, ReverbSettings.Default));
        Assert.Contains("\"piano\"", e.Message);
        Assert.Contains("vocal, bass", e.Message);
        Assert.Contains("\"colour\"", Assert.Throws<ArgumentException>(() => MatchAspects.Parse("eq,colour")).Message);
        Assert.Throws<ArgumentException>(() => new MatchScope(AmountPercent: 120).Validated());
        Assert.Equal(MatchAspect.Eq | MatchAspect.Levels, MatchAspects.Parse("eq,levels"));
    }

    [Fact]
    public void The_digest_drops_what_nobody_hears_and_ranks_the_rest()
    {
        var result = Matched() with { Tracks = [.. Matched().Tracks, new("hats", Now with { Pan = -0.0 }, false, 0)] };

        var digest = MatchDigest.Build(result, _ => Now, MasterSettings.Default);

        Assert.Equal("vocal", digest.Targets[0].Target);                     // the strongest measured effect first
        Assert.DoesNotContain(digest.Targets, t => t.Target == "hats");    // pan 0 -> -0
        var bass = digest.Targets.Single(t => t.Target == "bass");
        Assert.DoesNotContain(bass.Changes, c => c.Parameter == "reverb_send_db");   // a send to -56 dB
        Assert.True(digest.Dropped >= 1);
        Assert.Contains(digest.Lines(1), l => l.Contains("smaller changes"));
        Assert.Contains(digest.Lines(100), l => l.Contains("The reference leans right."));
    }
}
