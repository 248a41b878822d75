using Mixwright.Tools.Engine;

namespace Mixwright.Tools.Persistence;

/// <summary>One sidecar cache file: the analysis of the stem whose content hashes to <see cref="Sha256"/>.</summary>
internal sealed class AnalysisCacheEntry
{
    public int Format { get; set; }
    public string? Sha256 { get; set; }
    public AnalysisSummary? Analysis { get; set; }
}
