using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Mixwright.Embeddings.Text;

/// <summary>
/// The pretrained sentence encoder, all-MiniLM-L6-v2, run by our own ONNX Runtime session: text in, WordPiece
/// tokens with their place in the text and each token's 384-dimensional hidden state out, or one mean-pooled,
/// L2-normalised sentence vector (what sentence-transformers returns for this model).
/// </summary>
/// <remarks>
/// Thread-safe: concurrent calls share one session (ONNX Runtime's Run is thread-safe) and the tokenizer, which
/// holds no per-call state. Disposing while a call runs is not supported.
/// Truncation: a text is cut to its first <see cref="MaxTokens"/> - 2 WordPieces (a word may lose its tail
/// pieces), then [CLS] and [SEP] are added, the rule the model was trained with; <see cref="TokenStates.Truncated"/>
/// says when it happened.
/// </remarks>
public sealed class TextEncoder : IDisposable
{
    public const int Dimension = 384;
    /// <summary>Tokens a text is cut to, [CLS] and [SEP] included (the length all-MiniLM-L6-v2 was trained at).</summary>
    public const int MaxTokens = 128;
    public const string ClassificationToken = "[CLS]";
    public const string SeparatorToken = "[SEP]";

    private const string InputIdsName = "input_ids";
    private const string AttentionMaskName = "attention_mask";
    private const string TokenTypeIdsName = "token_type_ids";
    private const string HiddenStateName = "last_hidden_state";
    private static readonly string[] InputNames = [InputIdsName, AttentionMaskName, TokenTypeIdsName];
    private static readonly string[] OutputNames = [HiddenStateName];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly RunOptions _runOptions = new();
    private readonly int _clsId, _sepId, _padId;
    private readonly int _batchSize;

    private TextEncoder(InferenceSession session, BertTokenizer tokenizer, MiniLmFiles files, bool fromCache, TimeSpan loadTime, int batchSize)
    {
        _session = session;
        _tokenizer = tokenizer;
        Files = files;
        LoadedOptimizedModel = fromCache;
        LoadTime = loadTime;
        _batchSize = batchSize;
        _clsId = tokenizer.ClassificationTokenId;
        _sepId = tokenizer.SeparatorTokenId;
        _padId = tokenizer.PaddingTokenId;
    }

    public MiniLmFiles Files { get; }
    /// <summary>True when the session came from the cached optimised graph rather than model.onnx.</summary>
    public bool LoadedOptimizedModel { get; }
    /// <summary>Wall time of <see cref="Load"/> (tokenizer and session).</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Loads the vocabulary and the ONNX session (about half a second: see <see cref="LoadAsync"/>).</summary>
    public static TextEncoder Load(MiniLmFiles? files = null, TextEncoderOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        files = (files ?? MiniLmFiles.Locate()).Require();
        options ??= TextEncoderOptions.Default;
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        if (options.IntraOpThreads is < 1) throw new ArgumentOutOfRangeException(nameof(options), options.IntraOpThreads, "IntraOpThreads must be at least 1.");

        // The options describe the uncased vocabulary (accents stripped, lower case) for anyone calling the
        // tokenizer directly; Tokenize normalises (UncasedBertNormalizer) and splits words (BertPreTokenizer) itself
        // and hands the tokenizer single words for WordPiece only, so offsets reach the original text. User text
        // never spells a control token.
        var tokenizer = BertTokenizer.Create(files.VocabularyPath, new BertOptions
        {
            LowerCaseBeforeTokenization = true,
            RemoveNonSpacingMarks = true,
            SplitOnSpecialTokens = false,
        });
        int threads = options.IntraOpThreads ?? Math.Clamp(Environment.ProcessorCount, 1, 4);
        SessionOptions NewOptions() => new() { IntraOpNumThreads = threads, InterOpNumThreads = 1 };

        InferenceSession session;
        bool fromCache = false;
        try
        {
            if (options.CacheOptimizedModel)
                session = OptimizedModelCache.Open(files.ModelPath, NewOptions, options.OptimizedModelDirectory, out fromCache);
            else
            {
                using var sessionOptions = NewOptions();
                sessionOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
                session = new InferenceSession(files.ModelPath, sessionOptions);
            }
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{files.ModelPath} could not be loaded by ONNX Runtime: {e.Message}", e);
        }
        var missing = InputNames.Except(session.InputMetadata.Keys).Concat(OutputNames.Except(session.OutputMetadata.Keys)).ToArray();
        if (missing.Length > 0)
        {
            session.Dispose();
            throw new InvalidDataException($"{files.ModelPath} is not the MiniLM sentence encoder: it lacks {string.Join(", ", missing)}.");
        }
        return new TextEncoder(session, tokenizer, files, fromCache, clock.Elapsed, options.BatchSize);
    }

    /// <summary>
    /// <see cref="Load"/> on a pool thread, so a process can start it first and load its session, prompts or
    /// audio meanwhile; await it where the first sentence needs encoding.
    /// </summary>
    public static Task<TextEncoder> LoadAsync(MiniLmFiles? files = null, TextEncoderOptions? options = null) =>
        Task.Run(() => Load(files, options));

    /// <summary>The tokens of <paramref name="text"/> and their hidden states.</summary>
    public TokenStates EncodeTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Run([Tokenize(text)])[0];
    }

    /// <summary>
    /// <see cref="EncodeTokens"/> for many texts, in the order given: texts of similar length are run together in
    /// padded batches (the attention mask keeps padding out of every real token's state), which is several times
    /// faster than one at a time for training-data dumps.
    /// </summary>
    public IReadOnlyList<TokenStates> EncodeTokensBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokenized = new TokenizedText[texts.Count];
        for (int i = 0; i < texts.Count; i++)
            tokenized[i] = Tokenize(texts[i] ?? throw new ArgumentException($"texts[{i}] is null.", nameof(texts)));
        // Sorted by length so each batch pads little; results go back to the caller's order.
        int[] order = Enumerable.Range(0, texts.Count).OrderBy(i => tokenized[i].Ids.Length).ToArray();
        var results = new TokenStates[texts.Count];
        for (int first = 0; first < order.Length; first += _batchSize)
        {
            int[] members = order.AsSpan(first, Math.Min(_batchSize, order.Length - first)).ToArray();
            var states = Run(members.Select(i => tokenized[i]).ToArray());
            for (int k = 0; k < members.Length; k++) results[members[k]] = states[k];
        }
        return results;
    }

    /// <summary>The sentence vector: token states averaged over the attention mask ([CLS] and [SEP] included), unit length.</summary>
    public float[] EncodeSentence(string text) => MeanPooledUnit(EncodeTokens(text));

    /// <summary><see cref="EncodeSentence"/> for many texts, batched.</summary>
    public float[][] EncodeSentences(IReadOnlyList<string> texts) =>
        EncodeTokensBatch(texts).Select(MeanPooledUnit).ToArray();

    /// <summary>The mean of the token states, scaled to unit length (sentence-transformers' pooling and normalisation).</summary>
    public static float[] MeanPooledUnit(TokenStates states)
    {
        var pooled = new float[Dimension];
        for (int t = 0; t < states.Count; t++)
        {
            var row = states.StateOf(t);
            for (int d = 0; d < Dimension; d++) pooled[d] += row[d];
        }
        double norm = 0;
        for (int d = 0; d < Dimension; d++)
        {
            pooled[d] /= states.Count;
            norm += (double)pooled[d] * pooled[d];
        }
        float scale = (float)(1 / Math.Max(Math.Sqrt(norm), 1e-12));
        for (int d = 0; d < Dimension; d++) pooled[d] *= scale;
        return pooled;
    }

    private sealed record TokenizedText(string Text, string[] Tokens, int[] Ids, TextSpan[] Spans, bool Truncated);

    private TokenizedText Tokenize(string text)
    {
        var normalized = UncasedBertNormalizer.Normalize(text);
        // WordPiece word by word (the tokenizer neither normalises nor splits again); offsets are the word's own.
        var pieces = new List<(string Value, int Id, int Start, int End)>();
        bool truncated = false;
        foreach (var (wordStart, wordLength) in BertPreTokenizer.Split(normalized.Text))
        {
            string word = normalized.Text.Substring(wordStart, wordLength);
            foreach (var piece in _tokenizer.EncodeToTokens(word, out _, considerPreTokenization: false, considerNormalization: false))
                pieces.Add((piece.Value, piece.Id, wordStart + piece.Offset.Start.Value, wordStart + piece.Offset.End.Value));
            if (pieces.Count > MaxTokens - 2) { truncated = true; break; }
        }
        int kept = Math.Min(pieces.Count, MaxTokens - 2);
        var tokens = new string[kept + 2];
        var ids = new int[kept + 2];
        var spans = new TextSpan[kept + 2];
        (tokens[0], ids[0], spans[0]) = (ClassificationToken, _clsId, TextSpan.None);
        for (int i = 0; i < kept; i++)
        {
            var (value, id, start, end) = pieces[i];
            tokens[i + 1] = value;
            ids[i + 1] = id;
            spans[i + 1] = normalized.ToSource(start, end);
        }
        (tokens[kept + 1], ids[kept + 1], spans[kept + 1]) = (SeparatorToken, _sepId, TextSpan.None);
        return new TokenizedText(text, tokens, ids, spans, truncated);
    }

    /// <summary>One padded batch through the network.</summary>
    private TokenStates[] Run(TokenizedText[] batch)
    {
        int rows = batch.Length;
        int width = batch.Max(b => b.Ids.Length);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        var types = new long[rows * width];
        for (int r = 0; r < rows; r++)
        {
            var row = batch[r].Ids;
            for (int t = 0; t < width; t++)
            {
                bool real = t < row.Length;
                ids[r * width + t] = real ? row[t] : _padId;
                mask[r * width + t] = real ? 1 : 0;
            }
        }
        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var outputs = _session.Run(_runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        var results = new TokenStates[rows];
        for (int r = 0; r < rows; r++)
        {
            var item = batch[r];
            var states = hidden.Slice(r * width * Dimension, item.Ids.Length * Dimension).ToArray();
            results[r] = new TokenStates(item.Text, item.Tokens, item.Ids, item.Spans, states, item.Truncated);
        }
        return results;
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
