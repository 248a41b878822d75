using System.Security.Cryptography;

namespace Mixwright.Tools.Session;

/// <summary>
/// Identifies a stem's content: its SHA-256 keys the analysis cache. Size and modification time let a
/// quick stat say "unchanged" without reading the file again.
/// </summary>
public sealed record StemFingerprint(string Sha256, long SizeBytes, DateTime ModifiedUtc)
{
    public static StemFingerprint Compute(string path)
    {
        var info = new FileInfo(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        string hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new StemFingerprint(hash, info.Length, info.LastWriteTimeUtc);
    }

    /// <summary>Same size and modification time: the content is taken to be the one hashed.</summary>
    public bool MatchesStat(FileInfo file) =>
        file.Exists && file.Length == SizeBytes && file.LastWriteTimeUtc == ModifiedUtc;
}
