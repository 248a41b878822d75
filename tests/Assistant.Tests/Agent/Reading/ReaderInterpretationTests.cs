using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Agent.Reading;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Reading;

namespace Mixwright.Assistant.Tests.Agent.Reading;

/// <summary>
/// The interpreter with the trained reader (models/reader_heads.onnx over MiniLM) on requests of the kinds the
/// rules alone got wrong: a polite question that is a request, a whole-mix complaint naming no track, vague
/// dissatisfaction. The rules' own suites run without the reader (PhraseSuiteTests) and stay its oracle.
/// </summary>
public sealed class ReaderInterpretationTests
{
    private static readonly Lazy<LocalInterpreter> WithReader = new(() =>
        new LocalInterpreter { Reader = RequestReaderLoader.Load() ?? throw new InvalidOperationException("reader model missing") });

    private static IEnumerable<CallAspect> Moves(Interpretation i) =>
        Band.Calls(i).SelectMany(c => CallAspects.Of(c, DescriptorLexicon.Default));

    [Fact]
    public void A_polite_question_that_asks_for_a_change_proposes_it()
    {
        var said = WithReader.Value.Interpret("could you add a touch of reverb to the vocal?", Band.Context);
        Assert.Contains(Moves(said), m => m is { Track: "Lead Vocal", Aspect: ReaderAspect.Reverb, Direction: AspectDirection.Plus });
    }

    [Fact]
    public void A_whole_mix_complaint_without_a_track_acts_on_the_master()
    {
        var said = WithReader.Value.Interpret("widen the stereo image", Band.Context);
        Assert.Contains(Moves(said), m => m is { Track: ToolCallShapes.MixTarget, Aspect: ReaderAspect.Width, Direction: AspectDirection.Plus });
        Assert.Contains("I read", Assert.IsType<ToolCallsInterpretation>(said).Summary);
    }

    [Fact]
    public void Vague_dissatisfaction_gets_one_question_with_concrete_options()
    {
        var said = WithReader.Value.Interpret("I don't know, it's just not the sound I'm after", Band.Context);
        var question = Assert.IsType<QuestionInterpretation>(said);
        Assert.InRange(question.Options.Count, 2, 3);
        Assert.All(question.Options, o => Assert.NotEmpty(o.Calls));
    }

    [Fact]
    public void Every_request_is_read()
    {
        WithReader.Value.Interpret("turn the kick down 3 dB", Band.Context);
        Assert.Equal(ReaderAct.Change, WithReader.Value.LastReading!.Act);
    }
}
