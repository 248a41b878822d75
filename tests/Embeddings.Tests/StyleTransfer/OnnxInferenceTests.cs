using System.Text.Json;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>ONNX Runtime in C# gives what PyTorch gave at export, for the input the export stored beside the model.</summary>
public sealed class OnnxInferenceTests
{
    private const double Tolerance = 1e-4;

    [ModelFact]
    public void Onnx_runtime_reproduces_the_pytorch_outputs_within_1e_4()
    {
        var files = ModelFiles.Locate();
        Assert.True(File.Exists(files.ReferencePath), $"The export writes {files.ReferencePath} beside the model; it is missing.");
        using var doc = JsonDocument.Parse(File.ReadAllText(files.ReferencePath));
        var inputs = doc.RootElement.GetProperty("inputs");
        var (tracks, tracksShape) = Tensor(inputs.GetProperty(StyleTransferModel.TracksInput));
        var (mask, _) = Tensor(inputs.GetProperty(StyleTransferModel.MaskInput));
        var (reference, refShape) = Tensor(inputs.GetProperty(StyleTransferModel.ReferenceInput));

        using var model = StyleTransferModel.Load(files, threads: 1);
        var outputs = model.Run(tracks, tracksShape[1], tracksShape[3], mask, reference, refShape[2]);

        var expected = doc.RootElement.GetProperty("outputs");
        Assert.Equal(ModelOutputSpec.All.Select(o => o.Name).Order(), expected.EnumerateObject().Select(p => p.Name).Order());
        double worst = 0;
        string worstAt = "";
        foreach (var output in expected.EnumerateObject())
        {
            var (want, _) = Tensor(output.Value);
            var got = outputs[output.Name];
            Assert.Equal(want.Length, got.Length);
            for (int i = 0; i < want.Length; i++)
            {
                double error = Math.Abs(got[i] - want[i]) / Math.Max(1, Math.Abs(want[i]));
                if (error > worst) (worst, worstAt) = (error, $"{output.Name}[{i}]: ONNX Runtime {got[i]}, PyTorch {want[i]}");
            }
        }
        Assert.True(worst <= Tolerance, $"largest relative difference {worst:g3} at {worstAt}");
    }

    [ModelFact]
    public void Padding_tracks_are_masked_out_of_the_real_tracks_outputs()
    {
        var files = ModelFiles.Locate();
        using var model = StyleTransferModel.Load(files, threads: 1);
        const int n = 4096, m = 8192;
        var rng = new Random(5);
        float[] Noise(int count, double level) => Enumerable.Range(0, count).Select(_ => (float)(level * (rng.NextDouble() * 2 - 1))).ToArray();
        var two = Noise(2 * 2 * n, 0.2);
        var reference = Noise(2 * m, 0.3);
        var three = two.Concat(Noise(2 * n, 0.5)).ToArray();
        var alone = model.Run(two, 2, n, [1, 1], reference, m);
        var padded = model.Run(three, 3, n, [1, 1, 0], reference, m);
        foreach (var spec in ModelOutputSpec.All)
        {
            int count = (spec.PerTrack ? 2 : 1) * spec.ValuesPer;
            for (int i = 0; i < count; i++)
                Assert.True(Math.Abs(alone[spec.Name][i] - padded[spec.Name][i]) <= 1e-3 * Math.Max(1, Math.Abs(alone[spec.Name][i])),
                    $"{spec.Name}[{i}]: {alone[spec.Name][i]} alone, {padded[spec.Name][i]} beside a masked track");
        }
    }

    private static (float[] Data, int[] Shape) Tensor(JsonElement e) =>
        (e.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray(),
         e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray());
}
