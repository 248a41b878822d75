using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Tests.Descriptors;

public sealed class DescriptorLexiconTests
{
    private static readonly DescriptorLexicon Lexicon = DescriptorLexicon.Default;

    [Fact]
    public void Holds_at_least_150_words_each_with_a_gloss_and_a_known_source()
    {
        Assert.True(Lexicon.Descriptors.Count >= 150, $"only {Lexicon.Descriptors.Count} descriptors");
        Assert.All(Lexicon.Descriptors, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Gloss));
            Assert.NotEmpty(d.Source.Refs);
            Assert.All(d.Source.Refs, r => Assert.True(Lexicon.Sources.ContainsKey(r), $"{d.Word} cites {r}"));
        });
    }

    [Theory]
    [InlineData("warm"), InlineData("bright"), InlineData("dark"), InlineData("muddy"), InlineData("boomy"), InlineData("boxy")]
    [InlineData("honky"), InlineData("nasal"), InlineData("harsh"), InlineData("sibilant"), InlineData("thin"), InlineData("full")]
    [InlineData("airy"), InlineData("crisp"), InlineData("punchy"), InlineData("fat"), InlineData("tight"), InlineData("dry")]
    [InlineData("wet"), InlineData("spacious"), InlineData("intimate"), InlineData("aggressive"), InlineData("dreamy"), InlineData("lo-fi")]
    [InlineData("vintage"), InlineData("modern"), InlineData("radio-ready")]
    public void Knows_every_word_the_issue_names(string word) => Assert.True(Lexicon.TryGet(word, out _), word);

    [Fact]
    public void Bright_lifts_the_top_and_dark_is_its_opposite()
    {
        var bright = Lexicon.Get("bright");
        Assert.Equal("dark", bright.Opposite);
        Assert.Equal("bright", Lexicon.Get("dark").Opposite);
        var move = Assert.Single(bright.MovesFor().Eq);
        Assert.Equal(EqMoveType.HighShelf, move.Type);
        Assert.True(move.GainDb > 0 && move.FrequencyHz >= 4000);
    }

    [Fact]
    public void Warm_is_ambiguous_between_body_and_softer_highs_with_roles_for_each()
    {
        var warm = Lexicon.Get("warm");
        Assert.True(warm.IsAmbiguous);
        var body = warm.FindAlternative("body")!;
        var soften = warm.FindAlternative("soften")!;
        Assert.Contains("vocals", body.Roles);
        Assert.Contains("overheads", soften.Roles);
        Assert.True(body.Moves.Eq.Single().GainDb > 0 && body.Moves.Eq.Single().FrequencyHz is > 150 and < 600);
        Assert.True(soften.Moves.Eq.Single().GainDb < 0 && soften.Moves.Eq.Single().Type == EqMoveType.HighShelf);
        var e = Assert.Throws<ArgumentException>(() => warm.MovesFor());
        Assert.Contains("body", e.Message);
    }

    [Fact]
    public void Scaling_by_a_negative_intensity_mirrors_every_move()
    {
        var punchy = Lexicon.Get("punchy").MovesFor();
        var less = punchy.Scaled(-0.5);
        Assert.Equal(-0.5 * punchy.CompressionSteps, less.CompressionSteps);
        Assert.Equal(punchy.Eq.Select(m => -0.5 * m.GainDb), less.Eq.Select(m => m.GainDb));
        Assert.Equal(punchy.Eq.Select(m => m.FrequencyHz), less.Eq.Select(m => m.FrequencyHz));
    }

    [Theory]
    [InlineData("brighter", "bright", WordFormKind.Comparative)]
    [InlineData("brightness", "bright", WordFormKind.Noun)]
    [InlineData("warmth", "warm", WordFormKind.Noun)]
    [InlineData("muddiness", "muddy", WordFormKind.Noun)]
    [InlineData("punchier", "punchy", WordFormKind.Comparative)]
    [InlineData("fatter", "fat", WordFormKind.Comparative)]
    [InlineData("widen", "wide", WordFormKind.Verb)]
    [InlineData("darken", "dark", WordFormKind.Verb)]
    [InlineData("boominess", "boomy", WordFormKind.Noun)]
    [InlineData("LoFi", "lo-fi", WordFormKind.Base)]
    [InlineData("radio ready", "radio-ready", WordFormKind.Base)]
    [InlineData("mud", "muddy", WordFormKind.Base)]
    public void Word_forms_resolve_to_their_descriptor(string written, string word, WordFormKind form)
    {
        var match = Lexicon.Lookup(written);
        Assert.NotNull(match);
        Assert.Equal(word, match.Descriptor.Word);
        Assert.Equal(form, match.Form);
    }

    [Fact]
    public void Phrases_match_across_tokens_and_prefer_the_longest()
    {
        var hit = Lexicon.MatchAt(["more", "low", "end", "please"], 1);
        Assert.NotNull(hit);
        Assert.Equal(("low end", 2), (hit.Value.Match.Descriptor.Word, hit.Value.Length));
        Assert.Null(Lexicon.MatchAt(["the", "kick"], 1));
    }

    [Fact]
    public void Ordinary_words_are_not_descriptors()
    {
        Assert.Null(Lexicon.Lookup("the"));
        Assert.Null(Lexicon.Lookup("louder"));
        Assert.Null(Lexicon.Lookup("guitar"));
    }

    private const string Header = """
        {"format":1,"sources":{"practice":"x"},"regions":{"low":{"type":"low_shelf","freq_hz":120,"q":0.7,"range_hz":[60,250]}},"descriptors":[
        """;

    [Fact]
    public void Bad_data_is_refused_with_a_message_naming_the_descriptor()
    {
        string unknownRegion = Header + """{"word":"zappy","category":"x","valence":"neutral","gloss":"g","source":{"refs":["practice"],"note":"n"},"moves":{"eq":[{"region":"nowhere","gain_db":3}]}}]}""";
        var e1 = Assert.Throws<InvalidDataException>(() => DescriptorLexicon.Parse(unknownRegion, "test.json"));
        Assert.Contains("zappy", e1.Message);
        Assert.Contains("nowhere", e1.Message);

        string badOpposite = Header + """{"word":"zappy","category":"x","valence":"neutral","opposite":"zonky","gloss":"g","source":{"refs":["practice"],"note":"n"},"moves":{"gain_db":1}}]}""";
        Assert.Contains("zonky", Assert.Throws<InvalidDataException>(() => DescriptorLexicon.Parse(badOpposite, "test.json")).Message);

        string tooLoud = Header + """{"word":"zappy","category":"x","valence":"neutral","gloss":"g","source":{"refs":["practice"],"note":"n"},"moves":{"eq":[{"region":"low","gain_db":40}]}}]}""";
        var e3 = Assert.Throws<ParameterOutOfRangeException>(() => DescriptorLexicon.Parse(tooLoud, "test.json"));
        Assert.Contains("zappy", e3.Message);

        string unknownSource = Header + """{"word":"zappy","category":"x","valence":"neutral","gloss":"g","source":{"refs":["rumour"],"note":"n"},"moves":{"gain_db":1}}]}""";
        Assert.Contains("rumour", Assert.Throws<InvalidDataException>(() => DescriptorLexicon.Parse(unknownSource, "test.json")).Message);
    }

    [Fact]
    public void Every_eq_move_stays_inside_the_console_ranges()
    {
        foreach (var d in Lexicon.Descriptors)
            foreach (var moves in d.Alternatives.Select(a => a.Moves).Append(d.Moves).OfType<DescriptorMoves>())
                foreach (var m in moves.Eq)
                {
                    Assert.True(ConsoleRanges.EqFrequencyHz.Contains(m.FrequencyHz), d.Word);
                    Assert.True(ConsoleRanges.EqGainDb.Contains(m.GainDb), d.Word);
                    Assert.True(ConsoleRanges.EqQ.Contains(m.Q), d.Word);
                }
    }
}
