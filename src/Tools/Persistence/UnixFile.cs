using System.Runtime.InteropServices;
using System.Text;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// The POSIX read .NET does not offer: a read that ignores .NET's advisory file lock (to name the process holding a session lock).
/// </summary>
internal static unsafe partial class UnixFile
{
    private const int ReadOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    private static bool IsUnix => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

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
