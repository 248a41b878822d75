using Microsoft.ML.OnnxRuntime;

namespace Mixwright.Embeddings.Text;

/// <summary>
/// Opens an ONNX model through a cached copy of the graph ONNX Runtime optimised: the first load runs the
/// optimisation passes and saves their result; later loads read that and skip them. The copy is saved at the
/// extended level (fusions that are the same on every x64 CPU, unlike the layout passes of the "all" level, which
/// ONNX Runtime warns are machine-specific) and named after the runtime's version and the source model's size and
/// time, so a new runtime or model never meets a stale graph.
/// </summary>
internal static class OptimizedModelCache
{
    private const string Prefix = "model.optimized-";

    /// <summary>A session over <paramref name="modelPath"/>; <paramref name="fromCache"/> tells whether the cached graph was used.</summary>
    public static InferenceSession Open(string modelPath, Func<SessionOptions> newOptions, string? cacheDirectory, out bool fromCache)
    {
        fromCache = false;
        var source = new FileInfo(modelPath);
        string fileName = $"{Prefix}ort{OrtEnv.Instance().GetVersionString()}-{source.Length}-{source.LastWriteTimeUtc.Ticks:x}.onnx";
        string[] directories = cacheDirectory is not null ? [cacheDirectory] : [source.DirectoryName!, UserCacheDirectory()];

        foreach (string directory in directories)
        {
            string cached = Path.Combine(directory, fileName);
            if (!File.Exists(cached)) continue;
            using var options = newOptions();
            // The passes already ran when the copy was saved; the remaining "all"-level ones are cheap and local.
            options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
            try
            {
                var session = new InferenceSession(cached, options);
                fromCache = true;
                return session;
            }
            catch (OnnxRuntimeException)
            {
                // A damaged copy (a disk filled mid-write by another tool): drop it and optimise again below.
                TryDelete(cached);
            }
        }

        foreach (string directory in directories)
        {
            if (!IsWritable(directory)) continue;
            string target = Path.Combine(directory, fileName);
            // Saved under a name of this process's own and moved into place, so concurrent first runs never read half a file.
            string partial = Path.Combine(directory, $".{fileName}.{Environment.ProcessId}.partial");
            using var options = newOptions();
            options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED;
            options.OptimizedModelFilePath = partial;
            InferenceSession session;
            try
            {
                session = new InferenceSession(modelPath, options);
            }
            catch (OnnxRuntimeException)
            {
                TryDelete(partial);
                continue;
            }
            try
            {
                File.Move(partial, target, overwrite: true);
                RemoveStale(directory, fileName);
            }
            catch (IOException)
            {
                TryDelete(partial);
            }
            catch (UnauthorizedAccessException)
            {
                TryDelete(partial);
            }
            return session;
        }

        using var plain = newOptions();
        plain.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        return new InferenceSession(modelPath, plain);
    }

    /// <summary>$XDG_CACHE_HOME/mixwright/minilm, else ~/.cache/mixwright/minilm.</summary>
    public static string UserCacheDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "mixwright", "minilm");
    }

    private static bool IsWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Copies made for another runtime version or model: 90 MB each, of no further use.</summary>
    private static void RemoveStale(string directory, string current)
    {
        foreach (string path in Directory.EnumerateFiles(directory, Prefix + "*.onnx"))
            if (Path.GetFileName(path) != current) TryDelete(path);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
