using System.Collections.Immutable;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// The model's raw outputs for one song, and how they become engine records. Values are clamped into their
/// ranges (the heads' sigmoids already keep them there; float rounding can graze an edge).
/// </summary>
/// <remarks>
/// Applied as the model was trained (its card): compressors use the RMS detector, and a ratio under
/// <see cref="CompressorOnRatio"/> means no compression (the makeup, then a plain level change, moves into
/// the gain); sends below <see cref="AudibleSendDb"/> are off. The reverb stays at its defaults. Where the
/// model asks for nothing (an EQ band within <see cref="FlatBandDb"/> of flat, no compression) the current
/// band's frequency and Q and the current compressor's settings are kept, so only meaningful values change.
/// </remarks>
public sealed class ModelPrediction(int trackCount, IReadOnlyDictionary<string, float[]> outputs)
{
    public const double CompressorOnRatio = 1.1;
    public const double AudibleSendDb = -45;
    public const double FlatBandDb = 0.5;

    public int TrackCount { get; } = trackCount;
    public IReadOnlyDictionary<string, float[]> Outputs { get; } = outputs;

    public double Value(string output, int track = 0, int index = 0)
    {
        var spec = ModelOutputSpec.Get(output);
        if (!Outputs.TryGetValue(output, out var data)) throw new InvalidDataException($"The model gave no output \"{output}\".");
        int expected = (spec.PerTrack ? TrackCount : 1) * spec.ValuesPer;
        if (data.Length != expected) throw new InvalidDataException($"Model output \"{output}\" has {data.Length} values, expected {expected}.");
        if (track < 0 || (spec.PerTrack ? track >= TrackCount : track != 0)) throw new ArgumentOutOfRangeException(nameof(track));
        double v = data[(spec.PerTrack ? track * spec.ValuesPer : 0) + index];
        if (!double.IsFinite(v)) throw new InvalidDataException($"Model output \"{output}\" is not a number ({v}).");
        return spec.Range.Clamp(v);
    }

    /// <summary>Track <paramref name="track"/>'s strip: the predicted fields replaced in <paramref name="current"/>.</summary>
    public TrackSettings Track(int track, TrackSettings current)
    {
        var (compressor, makeupIntoGain) = Compressor("", track, current.Compressor);
        double send = Value(ModelOutputSpec.ReverbSendDb, track);
        return current with
        {
            GainDb = ConsoleRanges.GainDb.Clamp(Value(ModelOutputSpec.GainDb, track) + makeupIntoGain),
            Pan = Value(ModelOutputSpec.Pan, track),
            Eq = Eq("", track, current.Eq),
            Compressor = compressor,
            ReverbSendDb = send < AudibleSendDb ? ConsoleRanges.OffDb : send,
        };
    }

    /// <summary>The master: predicted EQ, compressor and output gain on <paramref name="current"/>.</summary>
    public MasterSettings Master(MasterSettings current)
    {
        var (compressor, makeupIntoGain) = Compressor(ModelOutputSpec.MasterPrefix, 0, current.Compressor);
        return current with
        {
            Eq = Eq(ModelOutputSpec.MasterPrefix, 0, current.Eq),
            Compressor = compressor,
            OutputGainDb = ConsoleRanges.OutputGainDb.Clamp(Value(ModelOutputSpec.MasterGainDb) + makeupIntoGain),
        };
    }

    private ParametricEqSettings Eq(string prefix, int track, ParametricEqSettings current)
    {
        var bands = ImmutableArray.CreateBuilder<EqBand>(ParametricEqSettings.BandCount);
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
        {
            double gain = Value(prefix + ModelOutputSpec.EqGainDb, track, b);
            bands.Add(Math.Abs(gain) < FlatBandDb
                ? current.Bands[b] with { GainDb = 0 }
                : new EqBand(current.Bands[b].Type, Value(prefix + ModelOutputSpec.EqFreqHz, track, b), gain, Value(prefix + ModelOutputSpec.EqQ, track, b)));
        }
        return new ParametricEqSettings(bands.MoveToImmutable());
    }

    private (CompressorSettings Settings, double MakeupIntoGain) Compressor(string prefix, int track, CompressorSettings current)
    {
        double ratio = Value(prefix + ModelOutputSpec.CompRatio, track);
        double makeup = Value(prefix + ModelOutputSpec.CompMakeupDb, track);
        var settings = new CompressorSettings(
            ratio >= CompressorOnRatio,
            Value(prefix + ModelOutputSpec.CompThresholdDb, track),
            ratio,
            Value(prefix + ModelOutputSpec.CompAttackMs, track),
            Value(prefix + ModelOutputSpec.CompReleaseMs, track),
            Value(prefix + ModelOutputSpec.CompKneeDb, track),
            makeup,
            DetectorMode.Rms);
        return settings.Enabled ? (settings, 0) : (current with { Enabled = false }, makeup);
    }
}
