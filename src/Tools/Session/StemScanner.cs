using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Persistence;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Session;

/// <summary>
/// Turns a folder of stems into the stems of a new session: unique display names from the file names,
/// content fingerprints, an analysis of each (cached beside the session), and a role from the name or,
/// when the name says nothing, from the audio. Stems are only ever read.
/// </summary>
public static class StemScanner
{
    public static IReadOnlySet<string> AudioExtensions { get; } =
        new HashSet<string>([".wav", ".wave", ".flac", ".aif", ".aiff", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".wv"], StringComparer.OrdinalIgnoreCase);

    public sealed record ScannedStems(IReadOnlyList<Stem> Stems, int SampleRate);

    public static IReadOnlyList<string> FindStemFiles(string stemsDirectory)
    {
        string dir = Path.GetFullPath(stemsDirectory);
        if (!Directory.Exists(dir)) throw new SessionException($"Stem folder not found: {DisplayText.Quote(dir)}.");
        var files = Directory.EnumerateFiles(dir)
            .Where(f => AudioExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (files.Count == 0)
            throw new SessionException($"No audio stems in {DisplayText.Quote(dir)} (looked for {string.Join(", ", AudioExtensions.Order())}).");
        return files;
    }

    public static ScannedStems Scan(string stemsDirectory, string sessionPath, IMixEngine engine, IAudioRoleClassifier classifier)
    {
        var files = FindStemFiles(stemsDirectory);
        string sessionDir = Path.GetDirectoryName(Path.GetFullPath(sessionPath))!;
        var cache = AnalysisCache.ForSession(sessionPath);
        var stems = new List<Stem>();
        var rates = new List<int>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in files)
        {
            var fingerprint = StemFingerprint.Compute(file);
            var analysis = cache.TryGet(fingerprint.Sha256) ?? Measure(engine, file, fingerprint, cache);
            rates.Add(analysis.SampleRate);

            var guess = FileNameRoleGuesser.Guess(Path.GetFileName(file));
            if (guess.Role == StemRole.Other && StemFeatures.From(analysis) is { } features)
            {
                var heard = classifier.Classify(features);
                guess = heard.Role == StemRole.Other ? heard with { Evidence = guess.Evidence + "; " + heard.Evidence } : heard;
            }
            string name = UniqueName(Path.GetFileNameWithoutExtension(file), used, stems.Count + 1);
            string relative = Path.GetRelativePath(sessionDir, file).Replace(Path.DirectorySeparatorChar, '/');
            stems.Add(new Stem(name, relative, guess.Role, guess.Source, guess.Evidence, fingerprint));
        }
        return new ScannedStems(stems, SessionRate(rates));
    }

    private static AnalysisSummary Measure(IMixEngine engine, string file, StemFingerprint fingerprint, AnalysisCache cache)
    {
        AnalysisSummary analysis;
        try
        {
            analysis = AudioFileProblem.Reading(file, () => engine.AnalyzeStem(file));
        }
        catch (AudioFormatException e) when (e.Message.StartsWith(Path.GetFileName(file) + ":", StringComparison.Ordinal))
        {
            throw new SessionException(e.Message, e); // already names the file and says what to do
        }
        catch (Exception e) when (e is not SessionException)
        {
            throw new SessionException($"Cannot read stem {DisplayText.Quote(Path.GetFileName(file))}: {e.Message}", e);
        }
        cache.Put(fingerprint.Sha256, analysis);
        return analysis;
    }

    /// <summary>
    /// The cleaned file name, made unique (case-insensitively) and kept clear of the words that name the
    /// master bus, so "master.wav" stays reachable as a track.
    /// </summary>
    internal static string UniqueName(string fileStem, ISet<string> used, int position)
    {
        string name = DisplayText.Clean(fileStem);
        if (name.Length == 0) name = $"Stem {position}";
        if (MixSession.ReservedTrackNames.Contains(name.ToLowerInvariant())) name += " (stem)";
        string candidate = name;
        for (int n = 2; !used.Add(candidate); n++) candidate = $"{name} ({n})";
        return candidate;
    }

    /// <summary>
    /// The most common stem rate within what the engine renders. A tie goes to a standard delivery rate
    /// (48 or 44.1 kHz) before the highest, so one odd 192 kHz stem does not make every render four times the work.
    /// </summary>
    private static int SessionRate(List<int> rates)
    {
        var valid = rates.Where(r => r >= MixDefinition.MinSampleRate && r <= MixDefinition.MaxSampleRate).ToList();
        if (valid.Count == 0) return SessionFileReader.DefaultSampleRate;
        return valid.GroupBy(r => r).OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key is 48000 or 44100).ThenByDescending(g => g.Key).First().Key;
    }
}
