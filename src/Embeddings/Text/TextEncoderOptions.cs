namespace Mixwright.Embeddings.Text;

/// <summary>How a <see cref="TextEncoder"/> runs.</summary>
public sealed record TextEncoderOptions
{
    /// <summary>
    /// ONNX Runtime's intra-op threads; null: the machine's cores, at most 4 (a 6-layer encoder over a short
    /// sentence gains nothing from more, and the chat process shares its cores with rendering).
    /// </summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>
    /// Keep the graph ONNX Runtime optimised (fused attention, layer norms, GELU) in a file and load that next time:
    /// loading it skips the optimisation passes (measured in bench/EncoderBench.cs). On by default.
    /// </summary>
    public bool CacheOptimizedModel { get; init; } = true;

    /// <summary>
    /// Where the optimised graph is kept; null: beside model.onnx when that folder is writable, else
    /// $XDG_CACHE_HOME/mixwright/minilm (~/.cache/mixwright/minilm).
    /// </summary>
    public string? OptimizedModelDirectory { get; init; }

    /// <summary>Sentences per padded batch in <see cref="TextEncoder.EncodeTokensBatch"/>.</summary>
    public int BatchSize { get; init; } = 32;

    public static TextEncoderOptions Default { get; } = new();
}
