using System.Globalization;
using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Demo;

/// <summary>
/// Makes the bundled demo multitrack on the user's machine instead of shipping audio: composes
/// <see cref="DemoSong"/>, renders each part with fluidsynth, and writes one WAV stem per part,
/// all of the same length from the same start so they play in sync. The stems are left un-mixed
/// on purpose (uneven levels, everything centred, no reverb) so the assistant has work to do.
/// </summary>
public static class DemoStems
{
    /// <summary>Records what the directory's stems were made from, written last so a partial run is never mistaken for a finished one.</summary>
    public const string ManifestFileName = "mixwright-demo.manifest";

    /// <summary>Bump whenever the song or the rendering changes, so old stems are re-made.</summary>
    public const int Version = 1;

    /// <summary>Room after the last bar for the final chord to ring out.</summary>
    public const double TailSeconds = 2.0;

    // The last moments of the tail fade so stems cut while something still rings end without a click.
    private const double FadeOutSeconds = 0.5;

    // Two cores are shared on the build machines; more renders at once only fight over them.
    private const int ParallelRenders = 2;

    private const int MinSampleRate = 8000, MaxSampleRate = 96000;   // what fluidsynth accepts

    /// <summary>
    /// Writes the demo stems into <paramref name="directory"/> and returns their paths, in the
    /// song's stem order. Reuses them when the directory already holds a complete set made from the
    /// same version, seed and sample rate; only then does it run without fluidsynth installed.
    /// Files of the stems' names already in the directory are replaced.
    /// </summary>
    /// <exception cref="DemoRenderException">fluidsynth or the soundfont is missing, or a render failed.</exception>
    public static IReadOnlyList<string> Create(string directory, int sampleRate = 44100, int seed = 1) =>
        Create(directory, FluidSynthRenderer.Locate, sampleRate, seed);

    /// <inheritdoc cref="Create(string, int, int)"/>
    public static IReadOnlyList<string> Create(string directory, FluidSynthRenderer renderer, int sampleRate = 44100, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return Create(directory, () => renderer, sampleRate, seed);
    }

    private static IReadOnlyList<string> Create(string directory, Func<FluidSynthRenderer> renderer, int sampleRate, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (sampleRate is < MinSampleRate or > MaxSampleRate)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"The demo renders at {MinSampleRate}..{MaxSampleRate} Hz.");

        var song = DemoSong.Compose(seed);
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        var paths = song.Stems.Select(s => Path.Combine(directory, s.FileName)).ToArray();
        string manifestPath = Path.Combine(directory, ManifestFileName);
        string[] header = Header(sampleRate, seed);
        if (IsComplete(manifestPath, header, directory)) return paths;

        var synth = renderer();
        RemovePreviousSet(manifestPath, directory);
        var staged = paths.Select(p => p + ".partial").ToArray();
        try
        {
            RenderStems(song, synth, sampleRate, staged);
        }
        catch
        {
            foreach (string partial in staged) File.Delete(partial);
            throw;
        }

        var manifest = new List<string>(header);
        for (int i = 0; i < paths.Length; i++)
        {
            File.Move(staged[i], paths[i], overwrite: true);
            manifest.Add($"stem\t{song.Stems[i].FileName}\t{new FileInfo(paths[i]).Length.ToString(CultureInfo.InvariantCulture)}");
        }
        File.WriteAllLines(manifestPath, manifest);
        return paths;
    }

    private static string[] Header(int sampleRate, int seed) =>
    [
        $"mixwright-demo\t{Version.ToString(CultureInfo.InvariantCulture)}",
        $"seed\t{seed.ToString(CultureInfo.InvariantCulture)}",
        $"sample-rate\t{sampleRate.ToString(CultureInfo.InvariantCulture)}",
    ];

    /// <summary>Current when the manifest matches and every stem it lists is there at the size it was written.</summary>
    private static bool IsComplete(string manifestPath, string[] header, string directory)
    {
        if (!File.Exists(manifestPath)) return false;
        string[] lines = File.ReadAllLines(manifestPath);
        if (lines.Length <= header.Length || !lines.Take(header.Length).SequenceEqual(header)) return false;
        foreach (var (fileName, size) in ListedStems(lines))
        {
            var file = new FileInfo(Path.Combine(directory, fileName));
            if (!file.Exists || file.Length != size) return false;
        }
        return true;
    }

    /// <summary>Deletes the stems an earlier manifest lists (names may have changed since), then the manifest.</summary>
    private static void RemovePreviousSet(string manifestPath, string directory)
    {
        if (!File.Exists(manifestPath)) return;
        foreach (var (fileName, _) in ListedStems(File.ReadAllLines(manifestPath)))
        {
            // Only plain names were ever written; anything else is not ours to delete.
            if (fileName != Path.GetFileName(fileName)) continue;
            File.Delete(Path.Combine(directory, fileName));
        }
        File.Delete(manifestPath);
    }

    private static IEnumerable<(string FileName, long Size)> ListedStems(string[] lines)
    {
        foreach (string line in lines)
        {
            string[] fields = line.Split('\t');
            if (fields is ["stem", var name, var size] && long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes))
                yield return (name, bytes);
        }
    }

    /// <summary>Renders, finishes and writes each stem to its staging path, two at a time, holding only those two in memory.</summary>
    private static void RenderStems(DemoSong song, FluidSynthRenderer synth, int sampleRate, string[] staged)
    {
        var work = Directory.CreateTempSubdirectory("mixwright-demo-");
        int frames = (int)Math.Round((song.DurationSeconds + TailSeconds) * sampleRate);
        try
        {
            Parallel.For(0, song.Stems.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelRenders }, i =>
            {
                var stem = song.Stems[i];
                string midi = Path.Combine(work.FullName, $"{i:D2}.mid");
                string wav = Path.Combine(work.FullName, $"{i:D2}.wav");
                song.WriteMidi(stem, midi);
                synth.Render(midi, wav, sampleRate);
                var rendered = WavReader.ReadAll(wav);
                if (rendered.SampleRate != sampleRate)
                    throw new DemoRenderException($"fluidsynth rendered stem '{stem.Name}' at {rendered.SampleRate} Hz instead of {sampleRate} Hz.");
                var channels = Enumerable.Range(0, rendered.ChannelCount).Select(rendered.ChannelArray).ToArray();
                WavWriter.Write(staged[i], new AudioBuffer(Finish(stem, channels, frames, sampleRate), sampleRate), WavSampleFormat.Float32);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Parallel.For wraps failures; the first one says what went wrong.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Trims or pads the render to the common length (every render starts at the song's first tick,
    /// so cutting only the end keeps the stems in sync), folds mono sources to one channel, fades
    /// the end, and sets the stem's recorded level.
    /// </summary>
    private static float[][] Finish(DemoStem stem, float[][] rendered, int frames, int sampleRate)
    {
        var output = new float[stem.Channels][];
        for (int c = 0; c < stem.Channels; c++) output[c] = new float[frames];
        int available = Math.Min(frames, rendered[0].Length);
        if (stem.Channels == 1)
        {
            for (int f = 0; f < available; f++)
            {
                float sum = 0;
                for (int c = 0; c < rendered.Length; c++) sum += rendered[c][f];
                output[0][f] = sum / rendered.Length;
            }
        }
        else
        {
            for (int c = 0; c < stem.Channels; c++)
                rendered[Math.Min(c, rendered.Length - 1)].AsSpan(0, available).CopyTo(output[c]);
        }

        int fade = Math.Min(frames, (int)(FadeOutSeconds * sampleRate));
        for (int f = 0; f < fade; f++)
        {
            float gain = (float)(0.5 + 0.5 * Math.Cos(Math.PI * (f + 1) / fade));
            foreach (var channel in output) channel[frames - fade + f] *= gain;
        }

        float peak = 0;
        foreach (var channel in output)
            foreach (float sample in channel) peak = Math.Max(peak, Math.Abs(sample));
        if (peak <= 0)
            throw new DemoRenderException($"fluidsynth rendered silence for stem '{stem.Name}'; is the soundfont a complete General MIDI set?");
        float scale = (float)(Math.Pow(10, stem.RecordedPeakDbfs / 20) / peak);
        foreach (var channel in output)
            for (int f = 0; f < frames; f++) channel[f] *= scale;
        return output;
    }
}
