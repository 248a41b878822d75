namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Where the style-transfer model and the files exported with it live: the ONNX graph, the console ranges it
/// was trained against (its output contract), and the reference input/output PyTorch produced at export.
/// </summary>
public sealed record ModelFiles(string Directory)
{
    public const string ModelFileName = "style_transfer.onnx";
    public const string RangesFileName = "console_ranges.json";
    public const string ReferenceFileName = "style_transfer_reference.json";
    /// <summary>The training console's impulse response of the engine's reverb (energies), for the test that they agree.</summary>
    public const string ReverbReferenceFileName = "reverb_ir_reference.json";
    /// <summary>Environment variable naming a models folder to use instead of the one shipped with the build.</summary>
    public const string DirectoryVariable = "MIXWRIGHT_MODELS";

    public string ModelPath => Path.Combine(Directory, ModelFileName);
    public string RangesPath => Path.Combine(Directory, RangesFileName);
    public string ReferencePath => Path.Combine(Directory, ReferenceFileName);
    public string ReverbReferencePath => Path.Combine(Directory, ReverbReferenceFileName);
    public bool HasModel => File.Exists(ModelPath);

    /// <summary>The models folder holding the style-transfer model (see <see cref="LocateFolderHolding"/>).</summary>
    public static ModelFiles Locate() => new(LocateFolderHolding(ModelFileName));

    /// <summary>
    /// The models folder holding <paramref name="fileName"/>: $MIXWRIGHT_MODELS when set; else models/ beside the
    /// assembly; else the first models/ holding it walking up from the assembly or the working folder. When none
    /// has it, the folder beside the assembly (so messages name it).
    /// </summary>
    public static string LocateFolderHolding(string fileName)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        string beside = Path.Combine(AppContext.BaseDirectory, "models");
        if (File.Exists(Path.Combine(beside, fileName))) return beside;
        foreach (string start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "models");
                if (File.Exists(Path.Combine(candidate, fileName))) return candidate;
            }
        return beside;
    }

    /// <summary>Throws a message naming the missing file and how to get it.</summary>
    public ModelFiles RequireModel()
    {
        if (!HasModel)
            throw new FileNotFoundException(
                $"The style-transfer model is missing: {ModelPath}. Train and export it with training/run_all.sh, " +
                $"or point {DirectoryVariable} at a folder holding {ModelFileName}; the loudness and optimize methods work without it.",
                ModelPath);
        return this;
    }
}
