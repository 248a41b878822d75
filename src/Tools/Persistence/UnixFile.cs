using System.Runtime.InteropServices;
using System.Text;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// The two POSIX calls .NET does not offer: fsync on a directory (so a rename survives a power cut) and a
/// read that ignores .NET's advisory file lock (to name the process holding a session lock).
/// </summary>
internal static unsafe partial class UnixFile
{
    private const int ReadOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    private static bool IsUnix => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Best effort: a failure here only weakens durability after a power cut, never atomicity.</summary>
    public static void FsyncDirectory(string directory)
    {
        if (!IsUnix) return;
        int fd = Open(directory, ReadOnly);
        if (fd < 0) return;
        Fsync(fd);
        Close(fd);
    }

    /// <summary>The first bytes of a small file as text, or null when it cannot be read.</summary>
    public static string? ReadIgnoringLocks(string path, int maxBytes = 512)
    {
        if (!IsUnix)
        {
            try { return File.ReadAllText(path); }
            catch (IOException) { return null; }
        }
        int fd = Open(path, ReadOnly);
        if (fd < 0) return null;
        try
        {
            var buffer = new byte[maxBytes];
            fixed (byte* p = buffer)
            {
                nint n = Read(fd, p, maxBytes);
                return n <= 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)n);
            }
        }
        finally
        {
            Close(fd);
        }
    }
}
