using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Tests.Text;

public sealed class SpellingTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("britgher", "brighter", 2)]
    [InlineData("ab", "ba", 1)]
    [InlineData("muddy", "muddy", 0)]
    [InlineData("", "abc", 3)]
    public void Damerau_levenshtein_counts_swaps_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, DamerauLevenshtein.Distance(a, b));
        Assert.Equal(expected, DamerauLevenshtein.Distance(b, a));
    }

    [Fact]
    public void Distance_gives_up_past_the_limit() =>
        Assert.Equal(2, DamerauLevenshtein.Distance("abcdef", "uvwxyz", limit: 1));

    private static readonly SpellingCorrector Corrector =
        new(DescriptorLexicon.Default.Vocabulary.Concat(["kick", "kit", "bass", "bvs", "vocal", "overheads", "guitar"]), CommonWords.Default);

    [Theory]
    [InlineData("britgher", "brighter")]
    [InlineData("brightr", "brighter")]
    [InlineData("brigter", "brighter")]
    [InlineData("muddey", "muddy")]
    [InlineData("sibilent", "sibilant")]
    [InlineData("overheds", "overheads")]
    [InlineData("gutiar", "guitar")]
    [InlineData("kik", "kick")]
    [InlineData("bas", "bass")]
    public void Typos_are_corrected_to_the_nearest_known_word(string typed, string expected) =>
        Assert.Equal(expected, Corrector.Correct(typed)?.Word);

    [Theory]
    [InlineData("than")]
    [InlineData("then")]
    [InlineData("fill")]
    [InlineData("right")]
    [InlineData("ok")]
    [InlineData("zzzzzzzz")]
    public void Ordinary_and_hopeless_words_are_left_alone(string typed) => Assert.Null(Corrector.Correct(typed));

    [Fact]
    public void Tolerance_grows_with_word_length()
    {
        Assert.Equal(0, SpellingCorrector.Tolerance(2));
        Assert.Equal(1, SpellingCorrector.Tolerance(5));
        Assert.Equal(2, SpellingCorrector.Tolerance(8));
        Assert.Equal(3, SpellingCorrector.Tolerance(12));
    }

    [Theory]
    [InlineData("bright", "brighter")]
    [InlineData("boomy", "boomier")]
    [InlineData("fat", "fatter")]
    [InlineData("wide", "wider")]
    public void Comparatives_follow_english_spelling(string word, string comparative) =>
        Assert.Equal(comparative, WordForms.Comparative(word));

    [Fact]
    public void Base_candidates_include_the_undoubled_stem() =>
        Assert.Contains(("thin", WordFormKind.Comparative), WordForms.BaseCandidates("thinner"));
}
