using Microsoft.ML.OnnxRuntime;
using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// The trained style-transfer network behind ONNX Runtime: stems and a reference mix in, every console parameter
/// out. The audio front end (DFT, Bark bands, statistics) is inside the graph, so this class passes raw audio.
/// One <see cref="InferenceSession"/> per instance, created once and reused (Run is thread-safe).
/// </summary>
/// <remarks>
/// Inputs (float32): tracks [1, T, 2, N], track_mask [1, T], reference [1, 2, M], all at <see cref="SampleRate"/>;
/// only whole <see cref="FrameFrames"/>-sample frames are analysed. Outputs: <see cref="ModelOutputSpec.All"/>.
/// </remarks>
public sealed class StyleTransferModel : IDisposable
{
    /// <summary>The rate the model was trained at; its front end's bands are laid out in bins of this rate.</summary>
    public const int SampleRate = 44100;
    /// <summary>The front end's frame (non-overlapping Hann frames of this many samples).</summary>
    public const int FrameFrames = 1024;
    public const string TracksInput = "tracks";
    public const string MaskInput = "track_mask";
    public const string ReferenceInput = "reference";

    private static readonly string[] InputNames = [TracksInput, MaskInput, ReferenceInput];
    private static readonly string[] OutputNames = ModelOutputSpec.All.Select(o => o.Name).ToArray();

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    private StyleTransferModel(InferenceSession session, ModelFiles files)
    {
        _session = session;
        Files = files;
    }

    public ModelFiles Files { get; }

    /// <summary>
    /// Loads the model, after checking its console_ranges.json (when exported with it) against the engine's
    /// ranges and the outputs this build applies, and the graph's inputs and outputs against the contract.
    /// </summary>
    public static StyleTransferModel Load(ModelFiles files, int? threads = null)
    {
        files.RequireModel();
        if (File.Exists(files.RangesPath))
        {
            var diffs = ConsoleRangesDocument.Load(files.RangesPath).DifferencesFromEngine();
            if (diffs.Count > 0)
                throw new InvalidDataException($"{files.RangesPath} does not match this build's console, so the model's outputs cannot be " +
                    $"trusted (re-export or retrain it): {string.Join("; ", diffs)}.");
        }
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, InterOpNumThreads = 1 };
        if (threads is int n) options.IntraOpNumThreads = n;
        InferenceSession session;
        try
        {
            session = new InferenceSession(files.ModelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{files.ModelPath} could not be loaded by ONNX Runtime: {e.Message}", e);
        }
        finally
        {
            options.Dispose();
        }
        var missingIn = InputNames.Except(session.InputMetadata.Keys).ToArray();
        var missingOut = OutputNames.Except(session.OutputMetadata.Keys).ToArray();
        if (missingIn.Length > 0 || missingOut.Length > 0)
        {
            session.Dispose();
            throw new InvalidDataException($"{files.ModelPath} is not a style-transfer model this build can use: " +
                $"missing inputs [{string.Join(", ", missingIn)}], missing outputs [{string.Join(", ", missingOut)}].");
        }
        return new StyleTransferModel(session, files);
    }

    /// <summary>
    /// Predicts the console for <paramref name="stems"/> (all the same length, at <see cref="SampleRate"/>) and
    /// <paramref name="reference"/>. Mono stems are duplicated into both channels, as in training; stereo stems are
    /// folded to their mid, scaled to keep their power, since the model was trained on mono stems only.
    /// </summary>
    public ModelPrediction Predict(IReadOnlyList<AudioBuffer> stems, AudioBuffer reference)
    {
        if (stems.Count < 1) throw new ArgumentException("The model needs at least one stem.", nameof(stems));
        int n = stems[0].Frames;
        foreach (var s in stems)
        {
            if (s.SampleRate != SampleRate) throw new ArgumentException($"Stems must be at {SampleRate} Hz (got {s.SampleRate} Hz).", nameof(stems));
            if (s.Frames != n) throw new ArgumentException($"All stem sections must be the same length ({n} vs {s.Frames} frames).", nameof(stems));
        }
        if (reference.SampleRate != SampleRate) throw new ArgumentException($"The reference must be at {SampleRate} Hz (got {reference.SampleRate} Hz).", nameof(reference));
        if (n < FrameFrames || reference.Frames < FrameFrames)
            throw new ArgumentException($"Stems and reference need at least {FrameFrames} samples each.");

        int t = stems.Count, m = reference.Frames;
        var tracks = new float[t * 2 * n];
        for (int i = 0; i < t; i++)
        {
            var mono = ModelMono(stems[i]);
            mono.CopyTo(tracks.AsSpan(i * 2 * n, n));
            mono.CopyTo(tracks.AsSpan(i * 2 * n + n, n));
        }
        var mask = Enumerable.Repeat(1f, t).ToArray();
        var refData = new float[2 * m];
        reference.Channel(0).CopyTo(refData.AsSpan(0, m));
        reference.Channel(reference.ChannelCount > 1 ? 1 : 0).CopyTo(refData.AsSpan(m, m));
        return new ModelPrediction(t, Run(tracks, t, n, mask, refData, m));
    }

    /// <summary>
    /// One raw inference: tracks [1, T, 2, N] and reference [1, 2, M] flattened row-major, mask [1, T]. Returns
    /// every output flattened, by name.
    /// </summary>
    public IReadOnlyDictionary<string, float[]> Run(float[] tracks, int trackCount, int samples, float[] mask, float[] reference, int referenceSamples)
    {
        if (tracks.Length != trackCount * 2 * samples) throw new ArgumentException($"tracks holds {tracks.Length} values, not 1x{trackCount}x2x{samples}.", nameof(tracks));
        if (mask.Length != trackCount) throw new ArgumentException($"track_mask holds {mask.Length} values, not {trackCount}.", nameof(mask));
        if (reference.Length != 2 * referenceSamples) throw new ArgumentException($"reference holds {reference.Length} values, not 1x2x{referenceSamples}.", nameof(reference));
        using var tracksValue = OrtValue.CreateTensorValueFromMemory(tracks, [1, trackCount, 2, samples]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, [1, trackCount]);
        using var refValue = OrtValue.CreateTensorValueFromMemory(reference, [1, 2, referenceSamples]);
        using var outputs = _session.Run(_runOptions, InputNames, [tracksValue, maskValue, refValue], OutputNames);
        var result = new Dictionary<string, float[]>(OutputNames.Length);
        int i = 0;
        foreach (var value in outputs) result[OutputNames[i++]] = value.GetTensorDataAsSpan<float>().ToArray();
        return result;
    }

    /// <summary>What the model hears of a stem: mono as is; stereo as its mid, scaled to the stereo pair's power.</summary>
    internal static float[] ModelMono(AudioBuffer stem)
    {
        if (stem.ChannelCount == 1) return stem.ChannelArray(0);
        ReadOnlySpan<float> l = stem.Channel(0), r = stem.Channel(1);
        var mid = new float[stem.Frames];
        double power = 0, midPower = 0;
        for (int k = 0; k < mid.Length; k++)
        {
            mid[k] = 0.5f * (l[k] + r[k]);
            power += 0.5 * ((double)l[k] * l[k] + (double)r[k] * r[k]);
            midPower += (double)mid[k] * mid[k];
        }
        if (midPower <= power * 1e-6) return stem.ChannelArray(0);   // L = -R: the mid is empty, one side tells the level
        {
            float scale = (float)Math.Sqrt(power / midPower);
            for (int k = 0; k < mid.Length; k++) mid[k] *= scale;
        }
        return mid;
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}
