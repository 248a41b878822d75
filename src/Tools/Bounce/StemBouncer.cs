using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Bounce;

/// <summary>
/// "Export stems for my DAW": every audible track through its own chain (gain, EQ, compressor, pan, post-fader) as a
/// stereo 32-bit float WAV at the session rate, named "NN Track.wav" in session order, the reverb return as its own
/// file, and a settings sheet (JSON and a text table) with every parameter of every track and bus. Laid side by side
/// at unity in any DAW, the files sum to the session's mix with the master bus bypassed (the master's EQ, glue
/// compressor, output gain, normalisation and limiter are on the sheet for the DAW's master). Files are written
/// atomically; existing files are never replaced without <c>force</c>, and a stem, reference or the session file
/// is never replaced at all.
/// </summary>
public static class StemBouncer
{
    public const string SheetJsonName = "mix-settings.json";
    public const string SheetTextName = "mix-settings.txt";

    /// <summary>The master bus as the stem files carry it: bypassed (no EQ, compression, gain, normalisation or limiting).</summary>
    public static MasterSettings Bypassed { get; } = new() { Limiter = LimiterSettings.Default with { Enabled = false } };

    public static string TrackFileName(int index, string track) => $"{index + 1:00} {SafeName(track)}.wav";

    public static string ReturnFileName(int trackCount) => $"{trackCount + 1:00} Reverb return.wav";

    public static BounceResult Bounce(MixSession session, string folder, string cacheDirectory, bool force = false, int? maxParallelism = null)
    {
        string dir = Path.GetFullPath(folder);
        Directory.CreateDirectory(dir);
        var mix = session.ToMixDefinition();
        var audible = mix.Tracks.Where(mix.IsAudible).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = session.Stems.Select((s, i) => (s.Name, Path: Path.Combine(dir, TrackFileName(i, s.Name)))).ToList();
        string returnPath = Path.Combine(dir, ReturnFileName(session.Stems.Count));
        string sheetJson = Path.Combine(dir, SheetJsonName), sheetText = Path.Combine(dir, SheetTextName);
        var targets = names.Where(n => audible.Contains(n.Name)).Select(n => n.Path).Append(returnPath).Append(sheetJson).Append(sheetText).ToList();

        var protectedPaths = session.Stems.Select(session.StemPath).Append(session.FilePath)
            .Concat(session.References.Select(r => session.ResolvePath(r.File))).ToHashSet(StringComparer.Ordinal);
        var clash = targets.FirstOrDefault(protectedPaths.Contains);
        if (clash is not null)
            throw new SessionException($"{DisplayText.Quote(clash)} is a stem, reference or the session file; stems are never overwritten. Bounce into another folder.");
        var existing = targets.Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
            throw new SessionException($"{DisplayText.Quote(dir)} already holds {string.Join(", ", existing.Select(p => DisplayText.Quote(Path.GetFileName(p))))}; " +
                "nothing was written. Choose an empty folder, or pass --force to replace them.");

        var writers = new Dictionary<string, WavFileWriter>(StringComparer.OrdinalIgnoreCase);
        WavFileWriter? returnWriter = null;
        try
        {
            foreach (var (name, path) in names.Where(n => audible.Contains(n.Name)))
                writers[name] = new WavFileWriter(path, mix.SampleRate, 2, WavSampleFormat.Float32);
            returnWriter = new WavFileWriter(returnPath, mix.SampleRate, 2, WavSampleFormat.Float32);
            var plan = new TapPlan((_, track, _) => new BounceTap(writers[track.Name]), returnWriter.Write, (_, _) => { });
            var result = TappedRender.Run(mix with { Master = Bypassed }, cacheDirectory, plan, maxParallelism: maxParallelism);
            foreach (var w in writers.Values) w.Finish();
            string? returnFile = null;
            if (result.ReverbOn)
            {
                returnWriter.Finish();
                returnFile = returnPath;
            }
            var trackFiles = names.Where(n => audible.Contains(n.Name)).Select(n => n.Path).ToList();
            var skipped = session.Stems.Where(s => !audible.Contains(s.Name)).Select(s => s.Name).ToList();
            var sheet = new SettingsSheet(session, trackFiles, returnFile, skipped);
            AtomicFileWriter.WriteAllBytes(sheetJson, System.Text.Encoding.UTF8.GetBytes(sheet.ToJson()));
            AtomicFileWriter.WriteAllBytes(sheetText, System.Text.Encoding.UTF8.GetBytes(sheet.ToText()));
            return new BounceResult(dir, trackFiles, returnFile, sheetJson, sheetText, skipped, (double)result.TotalFrames / mix.SampleRate);
        }
        finally
        {
            // Disposing a writer that was not finished discards its file: a failed bounce leaves nothing half-written.
            foreach (var w in writers.Values) w.Dispose();
            returnWriter?.Dispose();
        }
    }

    /// <summary>A track name as a file name: characters file systems refuse become "_".</summary>
    public static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        string safe = new(DisplayText.Clean(name).Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray());
        safe = safe.Trim().TrimEnd('.');
        return safe.Length == 0 ? "Track" : safe;
    }
}
