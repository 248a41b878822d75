using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>The model method end to end, with whatever model sits in models/ (its quality is the bench's business).</summary>
public sealed class ModelMatcherTests
{
    private static readonly MatchOptions Options = new() { SectionSeconds = 4, MeasureMatch = false, Threads = 2 };

    [ModelFact]
    public void One_mono_stem_or_thirty_two_mixed_mono_and_stereo_stems_of_different_lengths_get_a_valid_console()
    {
        using var matcher = ModelMixMatcher.Load(options: Options);
        var reference = TestStems.Pad(6, 0.3);

        var one = matcher.Match([new StemAudio("kick", TestStems.Kick(5))], reference);
        Assert.Equal(MatchMethod.Model, one.Method);
        Assert.Single(one.Tracks).Settings.Validated("kick");

        var stems = Enumerable.Range(0, 32).Select(i => new StemAudio($"t{i}", (i % 4) switch
        {
            0 => TestStems.Kick(4 + i % 3),
            1 => TestStems.Hats(5, 0.2, seed: i),
            2 => TestStems.Pad(6, 0.1, seed: i),
            _ => TestStems.Noise(3 + i % 5, 0.05 + 0.01 * i, seed: i),
        })).ToArray();
        var many = matcher.Match(stems, reference);
        Assert.Equal(stems.Select(s => s.Name), many.Tracks.Select(t => t.Name));
        Assert.All(many.Tracks, t =>
        {
            Assert.False(t.Silent);
            t.Settings.Validated(t.Name);
            if (t.Settings.Compressor.Enabled) Assert.Equal(DetectorMode.Rms, t.Settings.Compressor.Detector);
            // The network turns sends it would set inaudibly low off; the refinement searches them down to -60 dB.
            Assert.True(t.Settings.ReverbSendDb == ConsoleRanges.OffDb || t.Settings.ReverbSendDb >= ConsoleCoordinates.SendMinDb);
        });
        many.Master.Validated();
        Assert.Equal(ReverbSettings.Default, many.Reverb);
        Assert.All(many.Drivers, d => Assert.True(d.IsMaster || stems.Any(s => s.Name == d.Target), d.Target));
        Assert.All(many.Drivers, d => Assert.False(string.IsNullOrWhiteSpace(d.Sentence)));
    }

    [ModelFact]
    public void Track_order_does_not_matter_to_the_network_and_silent_stems_keep_their_strip()
    {
        // The refinement's search goes through the tracks in order; the network itself must not care.
        using var matcher = ModelMixMatcher.Load(options: Options with { ModelRefineRenders = 0 });
        var quiet = new TrackSettings { GainDb = -7, Mute = true };
        var stems = new[]
        {
            new StemAudio("kick", TestStems.Kick(6)),
            new StemAudio("hats", TestStems.Hats(6)),
            new StemAudio("bass", TestStems.Bass(6)),
            new StemAudio("nothing", TestStems.Silence(6), quiet),
        };
        var reference = TestStems.Mix(stems[..3], [new TrackSettings { GainDb = -3 }, new TrackSettings { Pan = 0.5 }, new TrackSettings()]);
        var forward = matcher.Match(stems, reference);
        var backward = matcher.Match(stems.Reverse().ToArray(), reference);
        var again = matcher.Match(stems, reference);

        Assert.Same(quiet, forward.Track("nothing").Settings);
        Assert.True(forward.Track("nothing").Silent);
        foreach (var name in new[] { "kick", "hats", "bass" })
        {
            TrackSettings a = forward.Track(name).Settings, b = backward.Track(name).Settings;
            Assert.Equal(a.GainDb, b.GainDb, 0.01);
            Assert.Equal(a.Pan, b.Pan, 0.001);
            Assert.Equal(a.Eq.Bands.Select(x => x.GainDb), b.Eq.Bands.Select(x => x.GainDb), new Close(0.01));
            Assert.Equal(a, again.Track(name).Settings);
        }
        Assert.Equal(forward.Master.OutputGainDb, backward.Master.OutputGainDb, 0.01);
    }

    [Fact]
    public void The_model_hears_a_stereo_stem_as_its_mid_at_the_pairs_power()
    {
        var l = Enumerable.Range(0, 2048).Select(i => (float)(0.5 * Math.Sin(i * 0.05))).ToArray();
        var r = Enumerable.Range(0, 2048).Select(i => (float)(0.5 * Math.Sin(i * 0.05 + 1.0))).ToArray();
        var mono = StyleTransferModel.ModelMono(new AudioBuffer([l, r], 44100));
        double pairPower = l.Concat(r).Average(v => (double)v * v), monoPower = mono.Average(v => (double)v * v);
        Assert.Equal(pairPower, monoPower, 1e-5);
        Assert.Equal(Math.Sign(l[100] + r[100]), Math.Sign(mono[100]));
        Assert.Same(l, StyleTransferModel.ModelMono(new AudioBuffer([l], 44100)));
    }

    [Fact]
    public void A_missing_model_is_reported_with_its_path_and_the_way_to_make_it()
    {
        var files = new ModelFiles(Path.Combine(Path.GetTempPath(), $"no-models-{Guid.NewGuid():N}"));
        var e = Assert.Throws<FileNotFoundException>(() => ModelMixMatcher.Load(files));
        Assert.Contains(files.ModelPath, e.Message);
        Assert.Contains("training/run_all.sh", e.Message);
    }

    private sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double v) => 0;
    }
}
