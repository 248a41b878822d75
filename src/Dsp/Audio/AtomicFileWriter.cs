namespace Mixwright.Dsp.Audio;

/// <summary>
/// Writes a file so that readers only ever see the old version or the complete new one: the bytes
/// go to a hidden temporary file beside the destination (same directory, hence same file system,
/// so the final rename is atomic), and <see cref="Commit"/> flushes them to disk and renames the
/// temporary over the destination. Disposing without committing deletes the temporary and leaves
/// the destination untouched, so a crash or exception mid-write never leaves a half-written file.
/// <code>
/// using var output = new AtomicFileWriter(path);
/// output.Stream.Write(bytes);
/// output.Commit();
/// </code>
/// Tools that write by path (ffmpeg) write to <see cref="TempPath"/> instead of using
/// <see cref="Stream"/>; the temporary keeps the destination's extension for them.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    private FileStream? _stream;
    private bool _committed;
    private bool _disposed;

    public AtomicFileWriter(string destinationPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        DestinationPath = Path.GetFullPath(destinationPath);
        string directory = Path.GetDirectoryName(DestinationPath)!;
        Directory.CreateDirectory(directory);
        string name = Path.GetFileName(DestinationPath);
        TempPath = Path.Combine(directory, $"{TempPrefix(DestinationPath)}{Guid.NewGuid():N}{Path.GetExtension(name)}");
    }

    /// <summary>Temporary files of a destination start with this: ".session.json.tmp-".</summary>
    public static string TempPrefix(string destinationPath) => $".{Path.GetFileName(destinationPath)}.tmp-";

    public static void WriteAllBytes(string destinationPath, ReadOnlySpan<byte> bytes)
    {
        using var writer = new AtomicFileWriter(destinationPath);
        writer.Stream.Write(bytes);
        writer.Commit();
    }

    /// <summary>
    /// Removes temporary files left by writers that were killed mid-write. Only call this while holding a
    /// lock that every writer of the destination takes, so no live writer's file is removed.
    /// </summary>
    public static void DeleteAbandonedTemps(string destinationPath)
    {
        string full = Path.GetFullPath(destinationPath);
        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) return;
        foreach (string temp in Directory.EnumerateFiles(directory, TempPrefix(full) + "*"))
        {
            try { File.Delete(temp); }
            catch (IOException) { /* Someone else cleaned it or it is busy: harmless either way. */ }
        }
    }

    public string DestinationPath { get; }

    /// <summary>Where the bytes go until <see cref="Commit"/>.</summary>
    public string TempPath { get; }

    /// <summary>The temporary file, created on first use.</summary>
    public Stream Stream
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_committed) throw new InvalidOperationException($"{DestinationPath} is already committed.");
            return _stream ??= new FileStream(TempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
    }

    /// <summary>Flushes the temporary to disk and atomically replaces the destination with it.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed) throw new InvalidOperationException($"{DestinationPath} is already committed.");
        if (_stream is not null)
        {
            // fsync before the rename: otherwise a power cut can leave the new name on an empty file.
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            _stream = null;
        }
        else if (File.Exists(TempPath))
        {
            using var written = new FileStream(TempPath, FileMode.Open, FileAccess.Write, FileShare.Read);
            written.Flush(flushToDisk: true);
        }
        else
        {
            throw new InvalidOperationException($"Nothing was written for {DestinationPath}.");
        }
        File.Move(TempPath, DestinationPath, overwrite: true);
        _committed = true;
        // Without this a power cut can forget the rename itself.
        DirectorySync.Fsync(Path.GetDirectoryName(DestinationPath)!);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stream?.Dispose();
        _stream = null;
        if (_committed) return;
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Best effort: failing to clean up must not hide the error that made us abandon the file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
