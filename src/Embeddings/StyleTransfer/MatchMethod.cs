namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>How console parameters are found for a reference.</summary>
public enum MatchMethod
{
    /// <summary>
    /// The trained style-transfer network (models/style_transfer.onnx) run by ONNX Runtime, its answer polished by a
    /// few renders of the real engine (<see cref="MatchOptions.ModelRefineRenders"/>; 0 keeps the network's answer).
    /// </summary>
    Model,
    /// <summary>Iterative search of the console parameters against the feature loss, rendering with the real engine (Diff-MST's optimisation baseline).</summary>
    Optimize,
    /// <summary>Every stem at the same integrated loudness, the mix brought to the reference's level; nothing else moves.</summary>
    Loudness,
}

public static class MatchMethods
{
    public static string WireName(MatchMethod method) => method.ToString().ToLowerInvariant();

    public static MatchMethod Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "model" => MatchMethod.Model,
        "optimize" or "optimise" => MatchMethod.Optimize,
        "loudness" => MatchMethod.Loudness,
        _ => throw new ArgumentException($"Unknown match method \"{text}\": expected model, optimize or loudness."),
    };
}
