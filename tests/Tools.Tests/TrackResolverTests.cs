using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Tests;

public class TrackResolverTests
{
    private static readonly Stem[] Stems =
    [
        Stem("Lead_Vox", StemRole.Lead), Stem("BV", StemRole.BackingVocals), Stem("Kick In", StemRole.Kick),
        Stem("Kick Out", StemRole.Kick), Stem("Bass DI", StemRole.Bass), Stem("Gtr L", StemRole.ElectricGuitar),
        Stem("Gtr R", StemRole.ElectricGuitar), Stem("Audio 07", StemRole.Percussion),
    ];

    private static Stem Stem(string name, StemRole role) => new(name, $"stems/{name}.wav", role, RoleSource.FileName, "", null);

    [Theory]
    [InlineData("Lead_Vox", "Lead_Vox")]
    [InlineData("lead vox", "Lead_Vox")]
    [InlineData("The Lead-Vox", "Lead_Vox")]
    [InlineData("vocals", "Lead_Vox")]
    [InlineData("the lead vocal", "Lead_Vox")]
    [InlineData("backing vocals", "BV")]
    [InlineData("bass", "Bass DI")]
    [InlineData("the bass", "Bass DI")]
    [InlineData("kick in", "Kick In")]
    [InlineData("KICKOUT", "Kick Out")]
    [InlineData("shaker", "Audio 07")]
    [InlineData("07", "Audio 07")]
    public void Finds_the_track_a_person_means(string query, string expected)
    {
        Assert.Equal(expected, TrackResolver.Resolve(Stems, query).Name);
    }

    [Theory]
    [InlineData("kick", "\"Kick In\", \"Kick Out\"")]
    [InlineData("guitar", "\"Gtr L\", \"Gtr R\"")]
    [InlineData("gtr", "\"Gtr L\", \"Gtr R\"")]
    public void Ambiguous_names_list_the_candidates(string query, string candidates)
    {
        var error = Assert.Throws<SessionException>(() => TrackResolver.Resolve(Stems, query));
        Assert.Contains(candidates, error.Message);
        Assert.Contains("Say which one", error.Message);
    }

    [Fact]
    public void Unknown_names_list_every_track()
    {
        var error = Assert.Throws<SessionException>(() => TrackResolver.Resolve(Stems, "didgeridoo"));
        Assert.Contains("No track matches \"didgeridoo\"", error.Message);
        Assert.Contains("\"Audio 07\"", error.Message);
    }

    [Fact]
    public void A_query_full_of_control_characters_is_shown_cleaned()
    {
        var error = Assert.Throws<SessionException>(() => TrackResolver.Resolve(Stems, "x\u001b[2J\ny"));
        Assert.Contains("\"x [2J y\"", error.Message);
        Assert.DoesNotContain("\u001b", error.Message, StringComparison.Ordinal);
    }
}
