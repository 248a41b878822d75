namespace Mixwright.Tools.Analysis;

/// <summary>Whether a stem's analysis can be shown without decoding audio.</summary>
public enum AnalysisStatus
{
    Cached,
    /// <summary>No cache entry for the stem's content yet.</summary>
    NotAnalysed,
    /// <summary>The file's size or time differ from the session's fingerprint: the cached analysis may be stale.</summary>
    StemChanged,
    StemMissing,
}

public static class AnalysisStatuses
{
    public static string WireName(this AnalysisStatus status) => status switch
    {
        AnalysisStatus.Cached => "cached",
        AnalysisStatus.NotAnalysed => "not_analysed",
        AnalysisStatus.StemChanged => "stem_changed",
        _ => "stem_missing",
    };
}
