namespace Mixwright.Tools;

/// <summary>
/// A request the session cannot carry out. The message is written for the person (or model) who made the
/// request: it names the file, track or parameter and says what would work instead.
/// </summary>
public class SessionException(string message, Exception? inner = null) : Exception(message, inner);
