using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Tests.Text;

public sealed class MiniLmFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minilm-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_build_puts_model_and_vocabulary_where_locate_looks()
    {
        var files = MiniLmFiles.Locate().Require();
        Assert.Equal(90_893_304, new FileInfo(files.ModelPath).Length);
        Assert.Equal("[PAD]", File.ReadLines(files.VocabularyPath).First());
    }

    [Fact]
    public void A_missing_model_is_named_with_how_to_get_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TextEncoder.Load(new MiniLmFiles(_folder)));
        Assert.Contains(Path.Combine(_folder, "model.onnx"), error.Message);
        Assert.Contains("dotnet build", error.Message);
        Assert.Contains(MiniLmFiles.DirectoryVariable, error.Message);
    }

    [Fact]
    public void A_missing_vocabulary_is_named()
    {
        File.WriteAllBytes(Path.Combine(_folder, MiniLmFiles.ModelFileName), [0]);
        var error = Assert.Throws<FileNotFoundException>(() => new MiniLmFiles(_folder).Require());
        Assert.Contains(Path.Combine(_folder, "vocab.txt"), error.Message);
    }

    [Fact]
    public void A_file_that_is_no_model_is_reported_with_its_path()
    {
        File.WriteAllText(Path.Combine(_folder, MiniLmFiles.ModelFileName), "not an onnx graph");
        File.Copy(MiniLmFiles.Locate().VocabularyPath, Path.Combine(_folder, MiniLmFiles.VocabularyFileName));
        var error = Assert.Throws<InvalidDataException>(() =>
            TextEncoder.Load(new MiniLmFiles(_folder), new TextEncoderOptions { OptimizedModelDirectory = Path.Combine(_folder, "cache") }));
        Assert.Contains(Path.Combine(_folder, "model.onnx"), error.Message);
    }

    [Fact]
    public void The_optimised_graph_is_saved_once_then_loaded_and_encodes_the_same()
    {
        var options = new TextEncoderOptions { OptimizedModelDirectory = _folder };
        using var first = TextEncoder.Load(options: options);
        using var second = TextEncoder.Load(options: options);

        Assert.False(first.LoadedOptimizedModel);
        Assert.True(second.LoadedOptimizedModel);
        Assert.Single(Directory.GetFiles(_folder, "model.optimized-*.onnx"));
        float[] a = first.EncodeSentence("tame the sibilance"), b = second.EncodeSentence("tame the sibilance");
        for (int d = 0; d < a.Length; d++) Assert.True(Math.Abs(a[d] - b[d]) <= 1e-5, $"dimension {d}: {a[d]} vs {b[d]}");
    }
}
