using Mixwright.Dsp.Audio;
using System.Text.Json;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Reads and writes session files. Writes are atomic (temp file and rename), serialised by
/// <see cref="SessionLock"/>, and optimistic: the file carries a version counter, and a save whose
/// handle loaded an older version than the one on disk is refused instead of overwriting someone's work.
/// Stems are never opened for writing here or anywhere else.
/// </summary>
internal static class SessionStore
{
    public const int CurrentFormat = 1;

    public static (SessionSnapshot Snapshot, long Version) Load(string path)
    {
        string full = Path.GetFullPath(path);
        string name = DisplayText.Quote(Path.GetFileName(full));
        if (!File.Exists(full))
            throw new SessionException($"No session file at {DisplayText.Quote(full)}. Create one with `mixwright new STEMS_DIR -o {DisplayText.Clean(path)}`.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(full); }
        catch (IOException e) { throw new SessionException($"Cannot read {name}: {e.Message}", e); }
        catch (UnauthorizedAccessException e) { throw new SessionException($"Cannot read {name}: permission denied.", e); }

        JsonDocument document;
        try { document = JsonDocument.Parse(bytes); }
        catch (JsonException e)
        {
            throw new SessionException($"{name} is not a Mixwright session: it is not valid JSON (line {e.LineNumber + 1}).", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var formatElement) ||
                formatElement.ValueKind != JsonValueKind.Number || !formatElement.TryGetInt32(out int format))
                throw new SessionException($"{name} is not a Mixwright session file (it has no \"format\" number).");
            if (format > CurrentFormat)
                throw new SessionException($"{name} was written by a newer Mixwright (session format {format}); this version reads formats up to {CurrentFormat}. Update Mixwright to open it.");
            if (format < 1)
                throw new SessionException($"{name} has session format {format}, which never existed; formats start at 1.");

            try
            {
                var snapshot = SessionFileReader.Read(root);
                long version = JsonFields.Long(root, "version", "") ?? 0;
                return (snapshot, version);
            }
            catch (Exception e) when (e is SessionException or ArgumentException or InvalidOperationException)
            {
                throw new SessionException($"{name}: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Saves a snapshot and returns the file's new version. <paramref name="expectedVersion"/> is the version
    /// the caller loaded; null creates a new file and refuses to replace an existing one.
    /// </summary>
    public static long Save(string path, SessionSnapshot snapshot, long? expectedVersion)
    {
        string full = Path.GetFullPath(path);
        string name = DisplayText.Quote(Path.GetFileName(full));
        using var sessionLock = SessionLock.Acquire(full);
        if (File.Exists(full))
        {
            if (expectedVersion is null)
                throw new SessionException($"{DisplayText.Quote(full)} already exists; open it, or choose another file with -o.");
            long onDisk = ReadVersion(full, name);
            if (onDisk != expectedVersion)
                throw new SessionConflictException(
                    $"{name} was changed by another mixwright process since this one loaded it (file version {onDisk}, this one had {expectedVersion}). " +
                    "Nothing was saved; reload the session to see the other change, then try again.");
        }
        long next = (expectedVersion ?? 0) + 1;
        byte[] bytes = SessionFileWriter.Write(snapshot, next);
        AtomicFileWriter.DeleteAbandonedTemps(full);
        AtomicFileWriter.WriteAllBytes(full, bytes);
        return next;
    }

    private static long ReadVersion(string full, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(full));
            return document.RootElement.TryGetProperty("version", out var v) && v.TryGetInt64(out long version) ? version : 0;
        }
        catch (JsonException e)
        {
            throw new SessionException($"{name} on disk is not valid JSON, so it was not overwritten; fix or move it first.", e);
        }
    }
}
