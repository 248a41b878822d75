using Mixwright.Embeddings.Reading;
using Mixwright.Embeddings.Text;

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
        var heads = ReaderModelFiles.Locate();
        var encoder = MiniLmFiles.Locate();
        if (!heads.HasModel || !File.Exists(encoder.ModelPath) || !File.Exists(encoder.VocabularyPath))
        {
            string missing = !heads.HasModel ? heads.ModelPath : !File.Exists(encoder.ModelPath) ? encoder.ModelPath : encoder.VocabularyPath;
            warnings?.WriteLine($"note: the learned reader is not available ({missing} is missing; rebuild with dotnet build); reading requests with the rules alone.");
            return null;
        }
        try
        {
            return LearnedRequestReader.Load(heads);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            // A damaged model file must not cost the user the turn: the rules still read.
            warnings?.WriteLine($"note: the learned reader could not be loaded ({e.Message}); reading requests with the rules alone.");
            return null;
        }
    }
}
