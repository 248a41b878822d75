using System.Text.Json;
using Mixwright.Tools.Engine;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Stem analyses on disk beside the session, one small JSON file per stem content hash, in
/// ".mixwright-cache/analysis/". Keyed by content, so renaming or moving a stem keeps its entry and
/// changing it misses. A damaged entry is a miss, never an error.
/// </summary>
public sealed class AnalysisCache(string directory)
{
    public const string FolderName = ".mixwright-cache";
    private const int EntryFormat = 1;

    public string Directory { get; } = Path.GetFullPath(directory);

    public static AnalysisCache ForSession(string sessionPath) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sessionPath))!, FolderName, "analysis"));

    public AnalysisSummary? TryGet(string sha256)
    {
        string path = EntryPath(sha256);
        if (!File.Exists(path)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), SessionJsonContext.Default.AnalysisCacheEntry);
            return entry is { Format: EntryFormat } && entry.Sha256 == sha256 ? entry.Analysis : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    public void Put(string sha256, AnalysisSummary analysis)
    {
        var entry = new AnalysisCacheEntry { Format = EntryFormat, Sha256 = sha256, Analysis = analysis };
        AtomicFileWriter.WriteAllBytes(EntryPath(sha256), JsonSerializer.SerializeToUtf8Bytes(entry, SessionJsonContext.Default.AnalysisCacheEntry));
    }

    private string EntryPath(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"Not a SHA-256 hex digest: \"{sha256}\".", nameof(sha256));
        return Path.Combine(Directory, sha256.ToLowerInvariant() + ".json");
    }
}
