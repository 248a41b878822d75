using Mixwright.Embeddings.Modifiers;
using Mixwright.Embeddings.Roles;

namespace Mixwright.Embeddings.Tests.Roles;

public sealed class RoleAndIntensityTests
{
    [Theory]
    [InlineData("Lead Vocals", "vocals")]
    [InlineData("lead_vocals", "vocals")]
    [InlineData("BGV", "backing vocals")]
    [InlineData("backing vocals", "backing vocals")]
    [InlineData("electric guitar", "electric guitar")]
    [InlineData("Hi-Hat", "hats")]
    [InlineData("kit", "drums")]
    public void Session_roles_normalise_to_one_id(string written, string id) =>
        Assert.Equal(id, RoleLexicon.Default.Normalize(written)?.Id);

    [Fact]
    public void Unknown_roles_normalise_to_nothing() => Assert.Null(RoleLexicon.Default.Normalize("kazoo orchestra"));

    [Fact]
    public void Bass_drum_is_a_kick_not_a_bass()
    {
        var hits = RoleLexicon.Default.Lookup("bass drum");
        Assert.Contains(hits, h => h is { Target: RoleWordTarget.Role, Id: "kick" });
        Assert.DoesNotContain(hits, h => h.Id == "bass");
    }

    [Fact]
    public void Backing_vocals_support_the_lead_and_drums_is_a_plural_family_word()
    {
        Assert.True(RoleLexicon.Default.GetRole("backing vocals").IsSupport);
        Assert.False(RoleLexicon.Default.GetRole("vocals").IsSupport);
        Assert.Contains(RoleLexicon.Default.Lookup("drums"), h => h is { Target: RoleWordTarget.Family, Id: "drums", IsPlural: true });
        Assert.Contains(RoleLexicon.Default.Lookup("the whole mix".Replace("the ", "")), h => h.Target == RoleWordTarget.Mix);
    }

    [Theory]
    [InlineData("slightly", 0.33)]
    [InlineData("a bit", 0.33)]
    [InlineData("a lot", 1.0)]
    [InlineData("much", 1.0)]
    [InlineData("very", 1.0)]
    [InlineData("quite", 0.8)]
    public void Intensity_words_scale_a_move(string phrase, double intensity)
    {
        var hit = IntensityLexicon.Default.MatchAt(phrase.Split(' '), 0);
        Assert.Equal((intensity, phrase.Split(' ').Length), hit);
        Assert.Equal(0.6, IntensityLexicon.Default.DefaultIntensity);
    }
}
