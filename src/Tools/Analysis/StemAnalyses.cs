using Mixwright.Tools.Engine;
using Mixwright.Tools.Persistence;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Analysis;

/// <summary>
/// A session's stem analyses: from the sidecar cache when the stem's content is unchanged, from the
/// engine (then cached) otherwise. <see cref="Cached"/> never reads audio, which is what keeps
/// `state --json` fast.
/// </summary>
public sealed class StemAnalyses(MixSession session, AnalysisCache cache, IMixEngine? engine)
{
    private readonly Dictionary<(string Path, long Size, DateTime Time), string> _hashes = [];

    public static StemAnalyses For(MixSession session, IMixEngine? engine) => new(session, AnalysisCache.ForSession(session.FilePath), engine);

    /// <summary>The cached analysis if the stem is unchanged: one stat and one small file read, no hashing, no audio.</summary>
    public (AnalysisSummary? Analysis, AnalysisStatus Status) Cached(Stem stem)
    {
        var file = new FileInfo(session.StemPath(stem));
        if (!file.Exists) return (null, AnalysisStatus.StemMissing);
        if (stem.Fingerprint is null || !stem.Fingerprint.MatchesStat(file)) return (null, AnalysisStatus.StemChanged);
        var analysis = cache.TryGet(stem.Fingerprint.Sha256);
        return (analysis, analysis is null ? AnalysisStatus.NotAnalysed : AnalysisStatus.Cached);
    }

    /// <summary>The stem's analysis, measuring it with the engine when the cache has none for its content.</summary>
    public AnalysisSummary Analyze(Stem stem)
    {
        string path = session.StemPath(stem);
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new SessionException($"Stem file missing for track {DisplayText.Quote(stem.Name)}: expected {DisplayText.Quote(path)}.");
        string hash = stem.Fingerprint is { } fp && fp.MatchesStat(file) ? fp.Sha256 : HashOf(file);
        var cached = cache.TryGet(hash);
        if (cached is not null) return cached;
        if (engine is null)
            throw new SessionException($"Track {DisplayText.Quote(stem.Name)} has not been analysed yet and no audio engine is available here.");
        AnalysisSummary analysis;
        try
        {
            analysis = engine.AnalyzeStem(path);
        }
        catch (Exception e) when (e is not SessionException)
        {
            throw new SessionException($"Cannot analyse track {DisplayText.Quote(stem.Name)} ({DisplayText.Quote(stem.File)}): {e.Message}", e);
        }
        cache.Put(hash, analysis);
        return analysis;
    }

    private string HashOf(FileInfo file)
    {
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc);
        if (!_hashes.TryGetValue(key, out string? hash)) _hashes[key] = hash = StemFingerprint.Compute(file.FullName).Sha256;
        return hash;
    }
}
