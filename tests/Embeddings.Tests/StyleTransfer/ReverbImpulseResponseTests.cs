using System.Text.Json.Nodes;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>
/// The model was trained on a re-statement of the engine's reverb (training/reverb_ir.py): its impulse response's
/// energy, segment by segment, must be the engine's, or the model learns sends for a room the engine does not make.
/// </summary>
public sealed class ReverbImpulseResponseTests
{
    [Fact]
    public void The_training_consoles_reverb_is_the_engines()
    {
        var doc = JsonNode.Parse(File.ReadAllText(ModelFiles.Locate().ReverbReferencePath))!;
        int rate = (int)doc["sample_rate"]!, segment = (int)doc["segment_frames"]!;
        var settings = ReverbSettings.Default;
        Assert.Equal(settings.DecayS, (double)doc["decay_s"]!, 6);
        Assert.Equal(settings.PreDelayMs, (double)doc["pre_delay_ms"]!, 6);
        Assert.Equal(settings.Damping, (double)doc["damping"]!, 6);

        string[] sides = ["left", "right"];
        for (int input = 0; input < 2; input++)
        {
            var response = ImpulseResponse(rate, input, doc["energy"]!["left_to_left"]!.AsArray().Count * segment);
            for (int output = 0; output < 2; output++)
            {
                var expected = doc["energy"]![$"{sides[input]}_to_{sides[output]}"]!.AsArray().Select(v => (double)v!).ToArray();
                double total = expected.Sum();
                for (int k = 0; k < expected.Length; k++)
                {
                    double actual = 0;
                    foreach (float v in response.Channel(output).Slice(k * segment, segment)) actual += (double)v * v;
                    // Float32 engine vs float64 re-statement: agree to 1e-4 of the response's whole energy.
                    Assert.True(Math.Abs(actual - expected[k]) <= 1e-4 * total,
                        $"{sides[input]} -> {sides[output]}, segment {k}: engine {actual:G6}, training {expected[k]:G6}");
                }
            }
        }
    }

    private static AudioBuffer ImpulseResponse(int rate, int input, int frames)
    {
        var reverb = new FdnReverb();
        reverb.Prepare(rate);
        reverb.Update(ReverbSettings.Default);
        var send = new AudioBuffer(2, frames, rate);
        send.Channel(input)[0] = 1;
        var wet = new AudioBuffer(2, frames, rate);
        reverb.Process(send, wet, frames);
        return wet;
    }
}
