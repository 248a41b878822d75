namespace Mixwright.Tools.Persistence;

/// <summary>
/// Writes a file so that readers see either the old content or the new, never a mix: the bytes go to a
/// temporary file in the same folder, are flushed to disk, and the temporary file is renamed over the
/// target. A writer that dies before <see cref="Commit"/> leaves the target untouched.
/// </summary>
internal sealed class AtomicFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;

    private AtomicFileWriter(string targetPath, string tempPath, FileStream stream)
    {
        TargetPath = targetPath;
        TempPath = tempPath;
        _stream = stream;
    }

    public string TargetPath { get; }
    public string TempPath { get; }
    public Stream Stream => _stream;

    public static AtomicFileWriter Create(string targetPath)
    {
        string full = Path.GetFullPath(targetPath);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $"{TempPrefix(full)}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new AtomicFileWriter(full, temp, stream);
    }

    public static void WriteAllBytes(string targetPath, ReadOnlySpan<byte> bytes)
    {
        using var writer = Create(targetPath);
        writer.Stream.Write(bytes);
        writer.Commit();
    }

    /// <summary>Temporary files of a target start with this: ".session.json.tmp-".</summary>
    public static string TempPrefix(string targetPath) => $".{Path.GetFileName(targetPath)}.tmp-";

    /// <summary>
    /// Removes temporary files left by writers that were killed mid-write. Only call this while holding the
    /// lock that every writer of the target takes, so no live writer's file is removed.
    /// </summary>
    public static void DeleteAbandonedTemps(string targetPath)
    {
        string full = Path.GetFullPath(targetPath);
        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) return;
        foreach (string temp in Directory.EnumerateFiles(directory, TempPrefix(full) + "*"))
        {
            try { File.Delete(temp); }
            catch (IOException) { /* Someone else cleaned it or it is busy: harmless either way. */ }
        }
    }

    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TempPath, TargetPath, overwrite: true);
        _committed = true;
        UnixFile.FsyncDirectory(Path.GetDirectoryName(TargetPath)!);
    }

    public void Dispose()
    {
        if (_committed) return;
        _stream.Dispose();
        try { File.Delete(TempPath); }
        catch (IOException) { /* A leftover temporary file is cleaned by the next locked save. */ }
    }
}
