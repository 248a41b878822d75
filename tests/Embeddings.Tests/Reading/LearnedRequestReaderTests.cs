using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime.Tensors;
using Mixwright.Embeddings.Reading;
using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Tests.Reading;

/// <summary>
/// The reader's heads as ONNX Runtime runs them equal PyTorch's outputs at export (the reference file
/// training/reader/train_reader.py writes beside the model), and the reader's readings are well-formed.
/// </summary>
public sealed class LearnedRequestReaderTests
{
    private static readonly Lazy<LearnedRequestReader> Reader = new(() => LearnedRequestReader.Load());

    [Fact]
    public void Heads_equal_pytorch_on_the_exported_reference()
    {
        var files = ReaderModelFiles.Locate().Require();
        var doc = JsonNode.Parse(File.ReadAllText(files.ReferencePath))!;
        int tokens = doc["tokens"]!.GetValue<int>(), mentions = doc["mentions"]!.GetValue<int>();
        var states = new DenseTensor<float>(doc["token_states"]!.AsArray().Select(x => x!.GetValue<float>()).ToArray(), [1, tokens, TextEncoder.Dimension]);
        var mask = new DenseTensor<float>(Enumerable.Repeat(1f, tokens).ToArray(), [1, tokens]);
        var mentionMasks = new DenseTensor<float>(doc["mention_masks"]!.AsArray().Select(x => x!.GetValue<float>()).ToArray(), [1, mentions, tokens]);
        var spans = Enumerable.Range(0, mentions).Select(_ => new TextSpan(0, 1)).ToList();
        var reading = Reader.Value.RunTensors("reference", states, mask, mentionMasks, spans);

        var expected = doc["outputs"]!;
        AssertClose(expected["act"]!, reading.ActProbabilities);
        AssertClose(expected["intensity"]!, [reading.Intensity]);
        AssertClose(expected["master_aspects"]!, reading.Master.SelectMany(Flat).ToList());
        AssertClose(expected["mention_aspects"]!, reading.Mentions.SelectMany(m => m.Aspects.SelectMany(Flat)).ToList());
        var roles = expected["mention_roles"]!.AsArray().Select(x => x!.GetValue<float>()).ToList();
        for (int k = 0; k < mentions; k++) Assert.Equal(roles[2 * k], reading.Mentions[k].TargetProbability, 1e-4);
    }

    [Fact]
    public void A_reading_has_a_distribution_over_acts_and_one_entry_per_mention()
    {
        const string text = "the kick and the bass both sound a tad harsh";
        var reading = Reader.Value.Read(text, [Span(text, "kick"), Span(text, "bass")]);
        Assert.Equal(1.0, reading.ActProbabilities.Sum(), 3);
        Assert.Equal(2, reading.Mentions.Count);
        Assert.All(reading.Mentions, m => Assert.Equal(Enum.GetValues<ReaderAspect>().Length, m.Aspects.Count));
        Assert.All(reading.Master, a => Assert.Equal(1.0, a.None + a.Plus + a.Minus + a.Center, 3));
        Assert.InRange(reading.Intensity, 0f, 1f);
    }

    [Fact]
    public void A_request_without_mentions_still_reads()
    {
        var reading = Reader.Value.Read("make it loud", []);
        Assert.Empty(reading.Mentions);
        Assert.Equal(Enum.GetValues<ReaderAct>().Length, reading.ActProbabilities.Count);
    }

    private static TextSpan Span(string text, string word)
    {
        int i = text.IndexOf(word, StringComparison.Ordinal);
        return new TextSpan(i, i + word.Length);
    }

    private static IEnumerable<float> Flat(AspectReading a) => [a.None, a.Plus, a.Minus, a.Center];

    private static void AssertClose(JsonNode expected, IReadOnlyList<float> actual)
    {
        var e = expected.AsArray().Select(x => x!.GetValue<float>()).ToList();
        Assert.Equal(e.Count, actual.Count);
        for (int i = 0; i < e.Count; i++) Assert.True(Math.Abs(e[i] - actual[i]) < 1e-4, $"output {i}: {e[i]} vs {actual[i]}");
    }
}
