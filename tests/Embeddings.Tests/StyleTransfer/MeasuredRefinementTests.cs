using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>The model method polishes the network's answer with a few renders of the real engine.</summary>
public sealed class MeasuredRefinementTests
{
    private static readonly MatchOptions Options = new() { SectionSeconds = 4, Threads = 2 };

    [ModelFact]
    public void A_few_renders_bring_the_mix_closer_to_the_reference_than_the_network_alone()
    {
        var stems = new[]
        {
            new StemAudio("kick", TestStems.Kick(6)),
            new StemAudio("hats", TestStems.Hats(6)),
            new StemAudio("bass", TestStems.Bass(6)),
            new StemAudio("pad", TestStems.Pad(6, seed: 5)),
        };
        // A mix no network is told about: hats hard right and bright, the pad left and dark, the bass loud.
        var reference = TestStems.Mix(stems,
        [
            new TrackSettings { GainDb = -2 },
            new TrackSettings { GainDb = -4, Pan = 0.9, Eq = ParametricEqSettings.Flat.WithBand(5, ParametricEqSettings.Flat.Bands[5] with { GainDb = 6 }) },
            new TrackSettings { GainDb = 5 },
            new TrackSettings { Pan = -0.7, Eq = ParametricEqSettings.Flat.WithBand(5, ParametricEqSettings.Flat.Bands[5] with { GainDb = -9 }) },
        ]);
        using var network = StyleTransferModel.Load(ModelFiles.Locate(), 2);
        var alone = new ModelMixMatcher(network, Options with { ModelRefineRenders = 0 }).Match(stems, reference);
        var refined = new ModelMixMatcher(network, Options).Match(stems, reference);
        var again = new ModelMixMatcher(network, Options).Match(stems, reference);

        double before = LevelledLoss(alone), after = LevelledLoss(refined);
        Assert.True(after <= 0.7 * before, $"refined loss {after:0.000} vs the network's {before:0.000}");
        Assert.True(Math.Abs(refined.Matched!.Imbalance - refined.Reference.Imbalance) <= 0.05,
            $"imbalance: reference {refined.Reference.Imbalance:0.000}, refined {refined.Matched.Imbalance:0.000}, network {alone.Matched!.Imbalance:0.000}");
        Assert.True(Math.Abs(refined.Matched.Width - refined.Reference.Width) <= 0.05,
            $"width: reference {refined.Reference.Width:0.000}, refined {refined.Matched.Width:0.000}, network {alone.Matched.Width:0.000}");
        // Repeatable: the same stems and reference give the same console.
        Assert.Equal(refined.Tracks.Select(t => t.Settings), again.Tracks.Select(t => t.Settings));
        Assert.Equal(refined.Master, again.Master);
        // EQ moves must pay for themselves: bands stay near where the network put them.
        var eqMoves = refined.Tracks.Zip(alone.Tracks).SelectMany(p => p.First.Settings.Eq.Bands.Zip(p.Second.Settings.Eq.Bands,
            (a, b) => (Track: p.First.Name, Moved: Math.Abs(a.GainDb - b.GainDb)))).ToArray();
        Assert.True(eqMoves.Average(m => m.Moved) <= 1.5, string.Join(", ", eqMoves.Select(m => $"{m.Track} {m.Moved:0.0}")));
    }

    [ModelFact]
    public void One_render_only_sets_the_level()
    {
        var stems = new[] { new StemAudio("kick", TestStems.Kick(5)), new StemAudio("pad", TestStems.Pad(5)) };
        var reference = TestStems.Scaled(TestStems.Mix(stems, [new TrackSettings(), new TrackSettings { GainDb = 6 }]), -3);
        using var network = StyleTransferModel.Load(ModelFiles.Locate(), 2);
        var alone = new ModelMixMatcher(network, Options with { ModelRefineRenders = 0, MeasureMatch = false }).Match(stems, reference);
        var levelled = new ModelMixMatcher(network, Options with { ModelRefineRenders = 1 }).Match(stems, reference);

        Assert.Equal(alone.Tracks.Select(t => t.Settings), levelled.Tracks.Select(t => t.Settings));
        Assert.Equal(alone.Master with { OutputGainDb = 0 }, levelled.Master with { OutputGainDb = 0 });
        Assert.Equal(levelled.Reference.RmsDb, levelled.Matched!.RmsDb, 0.5);
    }

    /// <summary>The Diff-MST loss of the matched sections with the level set aside (the refinement's own criterion).</summary>
    private static double LevelledLoss(MatchResult r)
    {
        var measured = r.Matched!;
        return FeatureLoss.Loss(measured.Louder(r.Reference.RmsDb - measured.RmsDb), r.Reference);
    }
}
