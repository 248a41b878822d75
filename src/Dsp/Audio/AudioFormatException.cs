namespace Mixwright.Dsp.Audio;

/// <summary>An audio file that cannot be used, with a message that names the file and what is wrong.</summary>
public sealed class AudioFormatException(string message, Exception? inner = null) : Exception(message, inner);
