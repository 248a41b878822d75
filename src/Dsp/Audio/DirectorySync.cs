using System.Runtime.InteropServices;

namespace Mixwright.Dsp.Audio;

/// <summary>fsync on a directory, which .NET does not offer: it makes a rename survive a power cut.</summary>
internal static partial class DirectorySync
{
    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int FsyncFd(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Best effort: a failure here only weakens durability after a power cut, never atomicity.</summary>
    public static void Fsync(string directory)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())) return;
        int fd = Open(directory, 0);
        if (fd < 0) return;
        FsyncFd(fd);
        Close(fd);
    }
}
