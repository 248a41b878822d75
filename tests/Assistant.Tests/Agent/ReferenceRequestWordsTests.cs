using Mixwright.Assistant.Agent;

namespace Mixwright.Assistant.Tests.Agent;

public sealed class ReferenceRequestWordsTests
{
    [Theory]
    [InlineData("match only the EQ of ref.wav", "eq", null)]
    [InlineData("only the levels", "levels", null)]
    [InlineData("just the panning and the reverb from ref.wav", "pan,space", null)]
    [InlineData("match it halfway", null, 50.0)]
    [InlineData("match ref.wav, 30 %", null, 30.0)]
    [InlineData("match the eq of ref.wav 30 percent", "eq", 30.0)]
    [InlineData("make it sound like ref.wav", null, null)]
    [InlineData("match ref.wav a little", null, 30.0)]
    public void Reads_aspects_and_amount(string text, string? only, double? amount)
    {
        var r = ReferenceRequestWords.Read(text);
        Assert.Equal(only, r.Only);
        Assert.Equal(amount, r.AmountPercent);
    }

    [Theory]
    [InlineData("match it halfway", true)]
    [InlineData("only the levels", true)]
    [InlineData("now match just the EQ", true)]
    [InlineData("the vocal is too quiet", false)]
    public void Knows_a_follow_up_match(string text, bool expected) => Assert.Equal(expected, ReferenceRequestWords.IsFollowUp(text));
}
