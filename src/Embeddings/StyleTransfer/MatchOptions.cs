namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>Settings shared by the matchers.</summary>
public sealed record MatchOptions
{
    /// <summary>
    /// Length of the analysed sections: the stems' loudest common section and the reference's loudest section.
    /// The model was trained on 4 s sections; its card asks for 4 to 10 s.
    /// </summary>
    public double SectionSeconds { get; init; } = 6;

    /// <summary>Threads for ONNX Runtime and the engine's renders; null lets each use the machine's cores.</summary>
    public int? Threads { get; init; }

    /// <summary>Render the matched sections with the real engine and report their features (costs one render).</summary>
    public bool MeasureMatch { get; init; } = true;

    /// <summary>Where stems and references at other sample rates are resampled, and render scratch files go.</summary>
    public string? ScratchDirectory { get; init; }

    /// <summary>
    /// Renders of the sections the model method may spend polishing the network's prediction
    /// (<see cref="MeasuredRefinement"/>); 0 takes the network's answer as it is.
    /// </summary>
    public int ModelRefineRenders { get; init; } = 5;

    /// <summary>The optimiser's budget: renders of the sections.</summary>
    public int OptimizeMaxRenders { get; init; } = 400;

    /// <summary>The optimiser's budget: wall time.</summary>
    public TimeSpan OptimizeMaxTime { get; init; } = TimeSpan.FromSeconds(60);

    public MatchOptions Validated()
    {
        if (!(SectionSeconds >= 1 && SectionSeconds <= 60))
            throw new ArgumentException($"Section length must be 1 to 60 seconds (got {SectionSeconds}).");
        if (Threads is < 1) throw new ArgumentException($"Threads must be at least 1 (got {Threads}).");
        if (ModelRefineRenders is < 0 or > 100) throw new ArgumentException($"The model's refinement takes 0 to 100 renders (got {ModelRefineRenders}).");
        if (OptimizeMaxRenders < 1) throw new ArgumentException($"The optimiser needs at least one render (got {OptimizeMaxRenders}).");
        if (OptimizeMaxTime <= TimeSpan.Zero) throw new ArgumentException($"The optimiser's time budget must be positive (got {OptimizeMaxTime}).");
        return this;
    }
}
