using Mixwright.Dsp.Audio;
using System.Buffers;
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
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            bool matches = root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Number && format.GetInt32() == EntryFormat
                && root.TryGetProperty("sha256", out var hash) && hash.ValueKind == JsonValueKind.String && hash.GetString() == sha256
                && root.TryGetProperty("analysis", out _);
            return matches ? AnalysisJson.Read(root.GetProperty("analysis")) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or SessionException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public void Put(string sha256, AnalysisSummary analysis)
    {
        string path = EntryPath(sha256);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("format", EntryFormat);
            w.WriteString("sha256", sha256);
            w.WritePropertyName("analysis");
            AnalysisJson.Write(w, analysis);
            w.WriteEndObject();
        }
        AtomicFileWriter.WriteAllBytes(path, buffer.WrittenSpan);
    }

    private string EntryPath(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"Not a SHA-256 hex digest: \"{sha256}\".", nameof(sha256));
        return Path.Combine(Directory, sha256.ToLowerInvariant() + ".json");
    }
}
