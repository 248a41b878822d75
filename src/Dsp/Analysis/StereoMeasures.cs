using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Streaming stereo width and left/right imbalance, defined exactly as Diff-MST's features:
/// width = mean((L-R)^2) / mean((L+R)^2), imbalance = (E_R - E_L) / (E_R + E_L), each denominator
/// clamped to at least 1e-8 as Diff-MST does (so L = -R gives a huge finite width, silence gives 0).
/// Mono input has no stereo image: both read 0.
/// </summary>
public sealed class StereoMeasures
{
    /// <summary>Diff-MST's clamp on denominators.</summary>
    public const double DenominatorFloor = 1e-8;

    private double _sumSquares, _diffSquares, _leftSquares, _rightSquares;
    private long _frames;

    public StereoMeasures(int channels)
    {
        BlockGuard.CheckChannels(channels, 2, nameof(StereoMeasures));
        Channels = channels;
    }

    public int Channels { get; }

    public void Reset()
    {
        _sumSquares = _diffSquares = _leftSquares = _rightSquares = 0;
        _frames = 0;
    }

    public void Add(AudioBuffer block, int frames)
    {
        BlockGuard.Check(block, frames, Channels, null, nameof(StereoMeasures));
        _frames += frames;
        if (Channels == 1) return;
        ReadOnlySpan<float> left = block.Channel(0)[..frames], right = block.Channel(1)[..frames];
        double ss = 0, ds = 0, ls = 0, rs = 0;
        for (int n = 0; n < left.Length; n++)
        {
            double l = left[n], r = right[n];
            double s = l + r, d = l - r;
            ss += s * s;
            ds += d * d;
            ls += l * l;
            rs += r * r;
        }
        _sumSquares += ss;
        _diffSquares += ds;
        _leftSquares += ls;
        _rightSquares += rs;
    }

    /// <summary>Side-to-mid energy ratio: 0 for mono-compatible, 1 when L and R are uncorrelated.</summary>
    public double Width => Channels == 1 || _frames == 0
        ? 0
        : (_diffSquares / _frames) / Math.Max(_sumSquares / _frames, DenominatorFloor);

    /// <summary>-1 all left, 0 balanced, +1 all right.</summary>
    public double Imbalance => Channels == 1 || _frames == 0
        ? 0
        : (_rightSquares / _frames - _leftSquares / _frames) /
          Math.Max((_rightSquares + _leftSquares) / _frames, DenominatorFloor);
}
