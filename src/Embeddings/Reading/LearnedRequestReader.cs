using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Reading;

/// <summary>
/// The learned reader: all-MiniLM-L6-v2's token states (<see cref="TextEncoder"/>, frozen) through small trained
/// heads (training/reader/train_reader.py). Mentions are passed as character spans and become token masks, so
/// each mention's reading sees the words around it. Thread-safe: both ONNX sessions may run concurrently.
/// </summary>
public sealed class LearnedRequestReader : IRequestReader, IDisposable
{
    private static readonly int ActCount = Enum.GetValues<ReaderAct>().Length;
    private static readonly int AspectCount = Enum.GetValues<ReaderAspect>().Length;
    private const int DirectionCount = 4;

    private readonly TextEncoder _encoder;
    private readonly bool _ownsEncoder;
    private readonly InferenceSession _heads;

    public LearnedRequestReader(TextEncoder encoder, ReaderModelFiles? files = null, bool ownsEncoder = false)
    {
        _encoder = encoder;
        _ownsEncoder = ownsEncoder;
        var model = (files ?? ReaderModelFiles.Locate()).Require();
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        _heads = new InferenceSession(model.ModelPath, options);
    }

    /// <summary>The encoder and the heads, loaded together (the encoder is the slow half: start it early).</summary>
    public static LearnedRequestReader Load(ReaderModelFiles? files = null) => new(TextEncoder.Load(), files, ownsEncoder: true);

    public static Task<LearnedRequestReader> LoadAsync(ReaderModelFiles? files = null) => Task.Run(() => Load(files));

    public RequestReading Read(string text, IReadOnlyList<TextSpan> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var states = _encoder.EncodeTokens(text);
        return Run(text, states, mentions);
    }

    /// <summary>The heads alone on given token states (the equality test feeds PyTorch's reference input).</summary>
    public RequestReading Run(string text, TokenStates states, IReadOnlyList<TextSpan> mentions)
    {
        int t = states.Count;
        int m = Math.Max(1, mentions.Count);
        var tokenStates = new DenseTensor<float>(states.States.AsMemory(0, t * TextEncoder.Dimension), [1, t, TextEncoder.Dimension]);
        var tokenMask = new DenseTensor<float>([1, t]);
        for (int i = 0; i < t; i++) tokenMask[0, i] = 1f;
        var mentionMasks = new DenseTensor<float>([1, m, t]);
        for (int k = 0; k < mentions.Count; k++)
            for (int i = 0; i < t; i++)
                if (Overlaps(states.Spans[i], mentions[k])) mentionMasks[0, k, i] = 1f;
        return RunTensors(text, tokenStates, tokenMask, mentionMasks, mentions);
    }

    internal RequestReading RunTensors(string text, DenseTensor<float> tokenStates, DenseTensor<float> tokenMask, DenseTensor<float> mentionMasks, IReadOnlyList<TextSpan> mentions)
    {
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("token_states", tokenStates),
            NamedOnnxValue.CreateFromTensor("token_mask", tokenMask),
            NamedOnnxValue.CreateFromTensor("mention_masks", mentionMasks),
        };
        using var results = _heads.Run(inputs);
        float[] Output(string name) => results.First(r => r.Name == name).AsEnumerable<float>().ToArray();
        float[] act = Output("act");
        float intensity = Output("intensity")[0];
        float[] master = Output("master_aspects");
        float[] roles = Output("mention_roles");
        float[] aspects = Output("mention_aspects");
        var readings = new List<MentionReading>(mentions.Count);
        for (int k = 0; k < mentions.Count; k++)
            readings.Add(new MentionReading(mentions[k], roles[k * 2], Aspects(aspects, k * AspectCount * DirectionCount)));
        return new RequestReading(text, act[..ActCount], intensity, Aspects(master, 0), readings);
    }

    private static List<AspectReading> Aspects(float[] p, int offset)
    {
        var list = new List<AspectReading>(AspectCount);
        for (int a = 0; a < AspectCount; a++)
        {
            int o = offset + a * DirectionCount;
            list.Add(new AspectReading((ReaderAspect)a, p[o], p[o + 1], p[o + 2], p[o + 3]));
        }
        return list;
    }

    private static bool Overlaps(TextSpan token, TextSpan mention) =>
        !token.IsNone && token.Start < mention.End && token.End > mention.Start;

    public void Dispose()
    {
        _heads.Dispose();
        if (_ownsEncoder) _encoder.Dispose();
    }
}
