namespace Mixwright.Tools.Engine;

/// <summary>What a render produced: the file and the measurements of the rendered mix.</summary>
public sealed record RenderedMix(string OutputPath, AnalysisSummary Analysis);
