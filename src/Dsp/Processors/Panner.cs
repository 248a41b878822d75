using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// Places a mono or stereo strip into the stereo mix.
/// Mono: constant-power pan (L² + R² constant) normalised so the centre is unity, so a centred mono stem
/// lands in both channels unchanged and a hard-panned one is +3 dB on its side, as loud to the ear.
/// Stereo: mid/side width first (0 mono, 1 as recorded, 2 twice the side), then balance, which only ever
/// turns the opposite side down so a centred stereo stem passes untouched.
/// </summary>
public static class Panner
{
    public static (float Left, float Right) MonoGains(double pan)
    {
        if (pan == 0) return (1f, 1f);
        double theta = (pan + 1) * Math.PI / 4;
        return ((float)(Math.Sqrt(2) * Math.Cos(theta)), (float)(Math.Sqrt(2) * Math.Sin(theta)));
    }

    public static (float Left, float Right) BalanceGains(double pan) =>
        (pan > 0 ? (float)Math.Cos(pan * Math.PI / 2) : 1f, pan < 0 ? (float)Math.Cos(-pan * Math.PI / 2) : 1f);

    /// <summary>Writes the first <paramref name="frames"/> frames of <paramref name="input"/> into the stereo <paramref name="output"/>.</summary>
    public static void Process(AudioBuffer input, AudioBuffer output, int frames, double pan, double width)
    {
        Span<float> outL = output.Channel(0)[..frames], outR = output.Channel(1)[..frames];
        if (input.ChannelCount == 1)
        {
            var (gl, gr) = MonoGains(pan);
            ReadOnlySpan<float> x = input.Channel(0)[..frames];
            TensorPrimitives.Multiply(x, gl, outL);
            TensorPrimitives.Multiply(x, gr, outR);
            return;
        }

        ReadOnlySpan<float> inL = input.Channel(0)[..frames], inR = input.Channel(1)[..frames];
        if (width == 1)
        {
            inL.CopyTo(outL);
            inR.CopyTo(outR);
        }
        else
        {
            // mid = (L+R)/2, side = width (L-R)/2; L' = mid + side, R' = mid - side.
            float a = (float)((1 + width) / 2), b = (float)((1 - width) / 2);
            for (int i = 0; i < frames; i++)
            {
                float l = inL[i], r = inR[i];
                outL[i] = a * l + b * r;
                outR[i] = b * l + a * r;
            }
        }
        if (pan != 0)
        {
            var (gl, gr) = BalanceGains(pan);
            TensorPrimitives.Multiply(outL, gl, outL);
            TensorPrimitives.Multiply(outR, gr, outR);
        }
    }
}
