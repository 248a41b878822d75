using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Reading;

/// <summary>
/// The reader's heads, exported by training/reader (reader_heads.onnx), with their label lists
/// (reader_heads.json) and the reference input/output PyTorch produced at export, in the models folder.
/// </summary>
public sealed record ReaderModelFiles(string Directory)
{
    public const string ModelFileName = "reader_heads.onnx";
    public const string LabelsFileName = "reader_heads.json";
    public const string ReferenceFileName = "reader_heads_reference.json";

    public string ModelPath => Path.Combine(Directory, ModelFileName);
    public string LabelsPath => Path.Combine(Directory, LabelsFileName);
    public string ReferencePath => Path.Combine(Directory, ReferenceFileName);
    public bool HasModel => File.Exists(ModelPath);

    /// <summary>The models folder that holds the heads, searched as <see cref="ModelFiles.Locate"/> searches.</summary>
    public static ReaderModelFiles Locate() => new(ModelFiles.LocateFolderHolding(ModelFileName));

    public ReaderModelFiles Require()
    {
        if (!HasModel)
            throw new FileNotFoundException(
                $"The request reader's model is missing: {ModelPath}. Train and export it with training/reader/run.sh, " +
                $"or point {ModelFiles.DirectoryVariable} at a folder holding {ModelFileName}.", ModelPath);
        return this;
    }
}
