using System.Collections.Immutable;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Renders the analysed sections of the audible stems through the real engine (<see cref="OfflineRenderer"/>)
/// and measures the result: the stems' sections are written once as float WAVs into a scratch folder, each
/// render goes to a scratch file, and the features come from the renderer's own analysis of what it wrote.
/// </summary>
internal sealed class SectionRenderer : IDisposable
{
    private readonly string _directory;
    private readonly string _output;
    private readonly ImmutableArray<(string Name, string Path)> _stems;
    private readonly int? _threads;

    public SectionRenderer(IReadOnlyList<PreparedStem> audible, string? scratchDirectory, int? threads)
    {
        if (audible.Count == 0) throw new ArgumentException("There is no audible stem to render.", nameof(audible));
        _directory = Path.Combine(scratchDirectory ?? Path.GetTempPath(), $"mixwright-match-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _output = Path.Combine(_directory, "mix.wav");
        _threads = threads;
        var stems = ImmutableArray.CreateBuilder<(string, string)>(audible.Count);
        for (int i = 0; i < audible.Count; i++)
        {
            string path = Path.Combine(_directory, $"stem{i:00}.wav");
            WavWriter.Write(path, audible[i].Section, WavSampleFormat.Float32);
            stems.Add((audible[i].Name, path));
        }
        _stems = stems.MoveToImmutable();
    }

    public int Renders { get; private set; }

    public MixFeatures Render(IReadOnlyList<TrackSettings> tracks, MasterSettings master, ReverbSettings reverb, CancellationToken cancellation)
    {
        if (tracks.Count != _stems.Length) throw new ArgumentException($"{_stems.Length} stems but {tracks.Count} strips.", nameof(tracks));
        var mix = new MixDefinition(
            _stems.Select((s, i) => new MixTrack(s.Name, s.Path, tracks[i])).ToImmutableArray(),
            reverb, master with { LoudnessTargetLufs = null }, MatchPreparation.SampleRate);
        // The section is compared with a section of the reference, so the reverb's tail past its end is left out.
        var options = new RenderOptions(_output) { IncludeReverbTail = false, MaxParallelism = _threads, CacheDirectory = _directory };
        var result = OfflineRenderer.Render(mix, options, null, cancellation);
        Renders++;
        return MixFeatures.From(result.Analysis);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Scratch in the temp folder: a file still held open is cleaned up by the system later.
        }
    }
}
