using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Agent.Reading;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Reading;

namespace Mixwright.Assistant.Tests.Agent.Reading;

/// <summary>
/// The reader plans a move by wording it the way the rules read it; each wording must give exactly that move
/// (and on the named track only), or the reader's understanding would be lost on the way to the console.
/// </summary>
public sealed class CanonicalRequestTests
{
    private static readonly LocalInterpreter Rules = new();

    public static TheoryData<string, ReaderAspect, AspectDirection> Moves()
    {
        var data = new TheoryData<string, ReaderAspect, AspectDirection>();
        foreach (string track in new[] { "Kick", "Gtr Rhythm", "Lead Vocal", ToolCallShapes.MixTarget })
            foreach (var aspect in Enum.GetValues<ReaderAspect>())
                foreach (var direction in aspect == ReaderAspect.Pan
                             ? new[] { AspectDirection.Plus, AspectDirection.Minus, AspectDirection.Center }
                             : new[] { AspectDirection.Plus, AspectDirection.Minus })
                {
                    if (track == ToolCallShapes.MixTarget && aspect == ReaderAspect.Pan) continue;   // the master has no pan
                    data.Add(track, aspect, direction);
                }
        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_wording_yields_its_move(string track, ReaderAspect aspect, AspectDirection direction)
    {
        foreach (double intensity in new[] { 0.33, 0.6, 1.0 })
        {
            string phrase = CanonicalRequest.For(track, aspect, direction, intensity);
            var calls = Band.Calls(Rules.Interpret(phrase, Band.Context));
            var moves = calls.SelectMany(c => CallAspects.Of(c, DescriptorLexicon.Default)).ToList();
            Assert.True(moves.Any(m => m.Track == track && m.Aspect == aspect && m.Direction == direction),
                $"\"{phrase}\" gave {string.Join(", ", calls)}");
            Assert.All(calls, c => Assert.Equal(track, c.Track ?? ToolCallShapes.MixTarget));
        }
    }
}
