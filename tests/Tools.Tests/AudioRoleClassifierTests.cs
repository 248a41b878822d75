using Mixwright.Tools.Engine;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

public class AudioRoleClassifierTests
{
    private readonly NearestCentroidRoleClassifier _classifier = new();

    [Fact]
    public void Low_spiky_sparse_audio_is_a_kick()
    {
        var features = new StemFeatures(CentroidHz: 110, LowEnergyRatio: 0.92, CrestDb: 17, OnsetRatePerSecond: 2.1);

        var guess = _classifier.Classify(features);

        Assert.Equal(StemRole.Kick, guess.Role);
        Assert.Equal(RoleSource.Audio, guess.Source);
        Assert.Contains("centroid 110 Hz", guess.Evidence);
    }

    [Fact]
    public void Bright_busy_audio_is_hats()
    {
        var guess = _classifier.Classify(new StemFeatures(7500, 0.01, 15, 7));
        Assert.Equal(StemRole.Hats, guess.Role);
    }

    [Fact]
    public void Dull_smooth_audio_without_onsets_is_a_pad()
    {
        var guess = _classifier.Classify(new StemFeatures(650, 0.33, 6.5, 0.2));
        Assert.Equal(StemRole.Pad, guess.Role);
    }

    [Fact]
    public void Low_sustained_audio_is_bass_even_without_an_onset_rate()
    {
        var guess = _classifier.Classify(new StemFeatures(170, 0.86, 10, null));
        Assert.Equal(StemRole.Bass, guess.Role);
    }

    [Fact]
    public void Audio_unlike_any_role_stays_unknown()
    {
        var guess = _classifier.Classify(new StemFeatures(19000, 0.9, 40, 50));

        Assert.Equal(StemRole.Other, guess.Role);
        Assert.Equal(RoleSource.None, guess.Source);
        Assert.Contains("resembles no role", guess.Evidence);
    }

    [Fact]
    public void Features_come_from_the_octave_spectrum()
    {
        var lowHeavy = FakeMixEngine.Summary(-20, crestDb: 16, onsetsPerSecond: 2, octaveDb: FakeMixEngine.SpectrumPeakingAt("63"));
        var features = StemFeatures.From(lowHeavy)!;

        Assert.InRange(features.CentroidHz, 40, 200);
        Assert.True(features.LowEnergyRatio > 0.9, $"low energy ratio {features.LowEnergyRatio}");
        Assert.Equal(16, features.CrestDb);
        Assert.Equal(2, features.OnsetRatePerSecond);
    }

    [Fact]
    public void Silence_has_no_features()
    {
        Assert.Null(StemFeatures.From(FakeMixEngine.Summary(double.NegativeInfinity)));
    }

    [Fact]
    public void A_new_session_falls_back_to_the_audio_for_names_that_say_nothing()
    {
        var engine = new FakeMixEngine()
            .Register("Audio 01.wav", FakeMixEngine.Summary(-18, crestDb: 17, onsetsPerSecond: 2, octaveDb: FakeMixEngine.SpectrumPeakingAt("63")))
            .Register("Audio 02.wav", FakeMixEngine.Summary(-25, crestDb: 15, onsetsPerSecond: 7, octaveDb: FakeMixEngine.SpectrumPeakingAt("8000")));
        using var temp = new TempSession(engine, "Audio 01.wav", "Audio 02.wav", "Vox.wav");

        var session = temp.Create();

        Assert.Equal(StemRole.Kick, session.Stems[0].Role);
        Assert.Equal(RoleSource.Audio, session.Stems[0].RoleSource);
        Assert.Equal(StemRole.Hats, session.Stems[1].Role);
        Assert.Equal(StemRole.Vocals, session.Stems[2].Role);
        Assert.Equal(RoleSource.FileName, session.Stems[2].RoleSource);
    }
}
