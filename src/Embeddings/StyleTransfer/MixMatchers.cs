namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>Makes the matcher for a method.</summary>
public static class MixMatchers
{
    /// <summary>
    /// The matcher for <paramref name="method"/>. The model matcher loads the network from <paramref name="models"/>
    /// (default <see cref="ModelFiles.Locate"/>) and must be disposed; the baselines hold nothing.
    /// </summary>
    public static IMixMatcher Create(MatchMethod method, MatchOptions? options = null, ModelFiles? models = null) => method switch
    {
        // A reference that is a mix of the stems is solved from the aligned signals; another song's sound goes to the network.
        MatchMethod.Model => new Recording.RecordingMixMatcher(ModelMixMatcher.Load(models, options)),
        MatchMethod.Optimize => new OptimizingMixMatcher(options),
        MatchMethod.Loudness => new LoudnessMixMatcher(options),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown match method."),
    };
}
