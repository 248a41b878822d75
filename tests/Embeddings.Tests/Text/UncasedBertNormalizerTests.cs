using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Tests.Text;

public sealed class UncasedBertNormalizerTests
{
    [Theory]
    [InlineData("Ça Sonne", "ca sonne")]
    [InlineData("e\u0301te\u0301", "ete")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("tab\there\u00a0nbsp", "tab here nbsp")]
    [InlineData("zero\u200bwidth\u0007bell", "zerowidthbell")]
    [InlineData("日本", " 日  本 ")]
    [InlineData("🎸 riff", "🎸 riff")]
    public void Text_is_what_the_uncased_vocabulary_expects(string text, string expected) =>
        Assert.Equal(expected, UncasedBertNormalizer.Normalize(text).Text);

    [Fact]
    public void Each_normalised_character_points_back_to_its_source()
    {
        const string text = "Ée\u0301🎸x";
        var result = UncasedBertNormalizer.Normalize(text);

        Assert.Equal("ee🎸x", result.Text);
        Assert.Equal(new TextSpan(0, 1), result.ToSource(0, 1));
        Assert.Equal(new TextSpan(1, 3), result.ToSource(1, 2));
        Assert.Equal(new TextSpan(3, 5), result.ToSource(2, 4));
        Assert.Equal("x", result.ToSource(4, 5).Of(text));
    }
}

public sealed class BertPreTokenizerTests
{
    [Theory]
    [InlineData("the kick's too harsh!!", "the|kick|'|s|too|harsh|!|!")]
    [InlineData("+3 db, $5 | a~b", "+|3|db|,|$|5|||a|~|b")]
    [InlineData("5°c 🎸 ½", "5°c|🎸|½")]
    [InlineData("   ", "")]
    public void Words_split_on_spaces_and_each_punctuation_character(string normalized, string expected) =>
        Assert.Equal(expected, string.Join("|", BertPreTokenizer.Split(normalized).Select(w => normalized.Substring(w.Start, w.Length))));
}
