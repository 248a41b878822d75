using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

public sealed class FeatureLossTests
{
    private static MixFeatures Flat(double rms = -20, double barkDb = -40) =>
        new(rms, 12, 0.2, 0.0, Enumerable.Repeat(barkDb, 24).ToArray(), Enumerable.Repeat(barkDb - 10, 24).ToArray());

    [Fact]
    public void Identical_features_have_no_loss_and_each_error_counts_over_its_training_scale()
    {
        Assert.Equal(0, FeatureLoss.Loss(Flat(), Flat()));
        // 3 dB of RMS is one scale unit of one of six features.
        Assert.Equal(1.0 / 6, FeatureErrors.Between(Flat(rms: -17), Flat()).Loss, 9);
        // Width off by 0.1 is one unit too.
        Assert.Equal(1.0 / 6, FeatureErrors.Between(Flat() with { Width = 0.3 }, Flat()).Loss, 9);
        // A louder mix moves every level feature together.
        var louder = Flat().Louder(6);
        var e = FeatureErrors.Between(louder, Flat());
        Assert.Equal(6, e.RmsDb, 9);
        Assert.Equal(6, e.BarkMidDb, 9);
        Assert.Equal(6, e.BarkSideDb, 9);
        Assert.Equal(0, e.Width);
    }

    [Fact]
    public void Bark_levels_below_the_floor_count_as_the_floor()
    {
        var silentSide = Flat() with { BarkSideDb = Enumerable.Repeat(-160.0, 24).ToArray() };
        var quietSide = Flat() with { BarkSideDb = Enumerable.Repeat(-110.0, 24).ToArray() };
        Assert.Equal(0, FeatureErrors.Between(silentSide, quietSide).BarkSideDb);
        Assert.Equal(50, FeatureErrors.Between(silentSide, Flat()).BarkSideDb - 0, 9);
    }
}
