using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>
/// A fact that needs the trained model: skipped, saying so, while models/ holds none (the model is trained and
/// committed by training/; $MIXWRIGHT_MODELS can point elsewhere).
/// </summary>
public sealed class ModelFactAttribute : FactAttribute
{
    public ModelFactAttribute()
    {
        var files = ModelFiles.Locate();
        if (!files.HasModel)
            Skip = $"No style-transfer model at {files.ModelPath}: run training/run_all.sh (or set {ModelFiles.DirectoryVariable}) to run this test.";
    }
}
