namespace Mixwright.Tools;

/// <summary>
/// Another process saved or is saving the same session file. Nothing was written by this process; the
/// file on disk is intact, and reloading it picks up the other process's work.
/// </summary>
public sealed class SessionConflictException(string message) : SessionException(message);
