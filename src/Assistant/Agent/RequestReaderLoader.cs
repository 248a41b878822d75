using Mixwright.Embeddings.Reading;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// Starts loading the learned reader (MiniLM encoder + trained heads) on a pool thread, so the half second it
/// takes overlaps opening the session. Missing model files are not fatal: the rules read alone and one line
/// says why, naming the file.
/// </summary>
public static class RequestReaderLoader
{
    public static Task<IRequestReader?> Start(TextWriter? warnings = null) => Task.Run(() => Load(warnings));

    public static IRequestReader? Load(TextWriter? warnings = null)
    {
        try
        {
            // The heads are checked before the encoder's half-second load; TextEncoder.Load checks its own files.
            return LearnedRequestReader.Load(ReaderModelFiles.Locate().Require());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            // Missing or damaged model files must not cost the user the turn: the rules still read.
            warnings?.WriteLine($"note: the learned reader is not available ({e.Message}); reading requests with the rules alone.");
            return null;
        }
    }
}
