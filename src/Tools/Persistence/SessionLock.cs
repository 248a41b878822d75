using System.Diagnostics;
using System.Globalization;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Serialises writers of one session file across processes (and handles within one). The lock file
/// "session.json.lock" is held open exclusively; the operating system drops the hold when the owner exits
/// or is killed, so a lock left by a dead process is simply taken over. The file also records the owner's
/// pid, to name it in the message another writer gets.
/// </summary>
internal sealed class SessionLock : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(3);

    private readonly FileStream _stream;

    private SessionLock(FileStream stream) => _stream = stream;

    public static string LockPathFor(string sessionPath) => Path.GetFullPath(sessionPath) + ".lock";

    public static SessionLock Acquire(string sessionPath, TimeSpan? wait = null)
    {
        string lockPath = LockPathFor(sessionPath);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                stream.SetLength(0);
                string owner = string.Create(CultureInfo.InvariantCulture,
                    $"pid {Environment.ProcessId}\nsince {DateTimeOffset.UtcNow:O}\nhost {Environment.MachineName}\n");
                stream.Write(System.Text.Encoding.UTF8.GetBytes(owner));
                stream.Flush();
                return new SessionLock(stream);
            }
            catch (DirectoryNotFoundException)
            {
                throw new SessionException($"The folder for {Text.DisplayText.Quote(sessionPath)} does not exist.");
            }
            catch (IOException) when (deadline.Elapsed < (wait ?? DefaultWait))
            {
                // Saves take milliseconds: waiting briefly turns most collisions into an orderly queue.
                Thread.Sleep(15);
            }
            catch (IOException)
            {
                throw new SessionConflictException(
                    $"{Owner(lockPath)} is saving {Text.DisplayText.Quote(Path.GetFileName(sessionPath))} right now. " +
                    "Nothing was saved by this one and the file is intact; try again in a moment.");
            }
        }
    }

    private static string Owner(string lockPath)
    {
        string? text = UnixFile.ReadIgnoringLocks(lockPath);
        string? pidLine = text?.Split('\n').FirstOrDefault(l => l.StartsWith("pid ", StringComparison.Ordinal))?.Trim();
        if (pidLine is null) return "Another mixwright process";
        return pidLine == $"pid {Environment.ProcessId}"
            ? "Another open handle of this session in this same process"
            : $"Another mixwright process ({pidLine})";
    }

    public void Dispose() => _stream.Dispose();
}
