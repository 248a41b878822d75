using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Embeddings.StyleTransfer.Recording;
using Mixwright.Embeddings.StyleTransfer.Scope;
using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// `mixwright match STEMS_DIR|SESSION --reference REF -o mix.wav [--method model|optimize|loudness] [--params params.json]`:
/// finds the console that makes the stems sound like the reference, says why for each move, and renders the mix.
/// A session's muted tracks stay out of the match and keep their strips; the session file is not changed.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A folder of stems, or a session file (mixwright-session.json)." };
        var reference = new Option<string>("--reference", "-r") { Description = "The reference mix to sound like (any format ffmpeg reads).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to render the matched mix: .wav, or .flac/.mp3/... through ffmpeg.", Required = true };
        var method = new Option<string>("--method") { Description = "model (the trained network, polished by a few renders of the engine), optimize (search against the engine) or loudness (equal-loudness baseline).", DefaultValueFactory = _ => "model" };
        var parameters = new Option<string?>("--params") { Description = "Also write the matched console and the reason for each parameter to this JSON file." };
        var only = new Option<string?>("--only") { Description = "Match only these aspects, comma-separated: levels, pan, eq, dynamics, space, master (default: all)." };
        var amount = new Option<double>("--amount") { Description = "How far to go from the current console toward the match, 0 to 100 %.", DefaultValueFactory = _ => 100 };
        var tracks = new Option<string?>("--tracks") { Description = "Match only these tracks, comma-separated (the master then stays as it is)." };
        var all = new Option<bool>("--all") { Description = "List every audible change with its reason, not just the strongest." };
        var force = OutputFileGuard.ForceOption();
        var command = new Command("match", "Match a mix to a reference recording: predict the console, explain it, render it.") { source, reference, output, method, parameters, only, amount, tracks, all, force };
        command.SetAction(parse => CliApp.Guard(() =>
        {
            OutputFileGuard.Check(parse.GetRequiredValue(output), parse.GetValue(force));
            return Run(parse.GetRequiredValue(source), parse.GetRequiredValue(reference), parse.GetRequiredValue(output),
                MatchMethods.Parse(parse.GetRequiredValue(method)), parse.GetValue(parameters),
                MatchScopeArguments.Parse(parse.GetValue(only), parse.GetValue(amount), parse.GetValue(tracks)), parse.GetValue(all));
        }));
        return command;
    }

    private sealed record Input(IReadOnlyList<MixTrack> Tracks, ReverbSettings Reverb, MasterSettings Master, int? SampleRate, string? CacheDirectory);

    private static int Run(string sourcePath, string referencePath, string outputPath, MatchMethod method, string? paramsPath, MatchScope scope, bool listAll)
    {
        var input = Directory.Exists(sourcePath) ? FromFolder(sourcePath) : FromSession(sourcePath);
        var mixForAudibility = new MixDefinition([.. input.Tracks], input.Reverb, input.Master);
        var audible = input.Tracks.Where(mixForAudibility.IsAudible).ToArray();
        if (audible.Length == 0) throw new ArgumentException("Every track is muted; there is nothing to match.");
        var options = new MatchOptions();
        // Only the analysed sections are read, so memory does not grow with the song's length.
        string cache = input.CacheDirectory ?? Path.Combine(Path.GetTempPath(), "mixwright-cache");
        var files = audible.Select(t => new StemFile(t.Name, t.FilePath, t.Settings)).ToArray();
        // The model method first checks whether the reference is a mix of these stems, which needs the whole songs.
        var whole = method == MatchMethod.Model ? WholeSongLoader.TryLoad(files, referencePath, cache) : null;
        var sections = whole is null ? SectionLoader.LoadStems(files, options, cache) : whole.Stems.Select(s => new LoadedSection(s, 0)).ToArray();
        var referenceSection = whole is null ? SectionLoader.LoadReference(referencePath, options, cache) : new LoadedSection(new StemAudio(Path.GetFileNameWithoutExtension(referencePath), whole.Reference), 0);
        int rate = input.SampleRate ?? CommonRate(sections.Select(s => s.Stem));

        var matcher = MixMatchers.Create(method, options);
        if (matcher is RecordingMixMatcher recording) recording.ReferenceName = Path.GetFileName(referencePath);
        MatchResult result;
        try
        {
            Console.Error.WriteLine($"matching {sections.Count} stems to {Path.GetFileName(referencePath)} ({MatchMethods.WireName(method)})...");
            result = matcher.Match(sections.Select(s => s.Stem).ToArray(), referenceSection.Stem.Audio);
        }
        finally
        {
            (matcher as IDisposable)?.Dispose();
        }
        var currentStrips = input.Tracks.ToDictionary(t => t.Name, t => t.Settings, StringComparer.OrdinalIgnoreCase);
        result = MatchScoping.Apply(result, scope, name => currentStrips[name], input.Master, input.Reverb);

        var matched = result.Tracks.ToDictionary(t => t.Name, t => t.Settings, StringComparer.OrdinalIgnoreCase);
        bool sendsOn = result.Tracks.Any(t => !t.Silent && t.Settings.ReverbSendDb > ConsoleRanges.OffDb);
        var mix = new MixDefinition(
            [.. input.Tracks.Select(t => matched.TryGetValue(t.Name, out var s) ? t with { Settings = s } : t)],
            sendsOn ? result.Reverb : input.Reverb,
            input.Master with { Eq = result.Master.Eq, Compressor = result.Master.Compressor, OutputGainDb = result.Master.OutputGainDb },
            rate);
        Console.WriteLine(Describe(result, Path.GetFileName(referencePath), sections.GroupBy(s => s.OffsetSeconds).MaxBy(g => g.Count())!.Key, referenceSection.OffsetSeconds));
        Console.WriteLine(MatchReport.Describe(result, scope, MatchDigest.Build(result, name => currentStrips[name], input.Master), listAll));
        if (paramsPath is not null) AtomicText(paramsPath, MatchResultJson.Write(result));
        var render = OfflineRenderer.Render(mix, new RenderOptions(outputPath) { CacheDirectory = input.CacheDirectory, Analysis = RenderAnalysis.Levels }, new ConsoleProgress());
        var a = render.Analysis;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rendered {render.OutputPath}: {render.DurationSeconds:0.0} s, {a.IntegratedLufs:0.0} LUFS, true peak {a.TruePeakDbtp:0.0} dBTP."));
        return CliApp.ExitOk;
    }

    private static Input FromFolder(string dir)
    {
        var files = StemScanner.FindStemFiles(dir);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tracks = new List<MixTrack>();
        foreach (string f in files)
        {
            string name = Path.GetFileNameWithoutExtension(f);
            if (!names.Add(name)) throw new ArgumentException($"Two stems in {dir} are named \"{name}\" (different extensions); keep one.");
            tracks.Add(new MixTrack(name, f, TrackSettings.Default));
        }
        return new Input(tracks, ReverbSettings.Default, MasterSettings.Default, null, null);
    }

    private static Input FromSession(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Neither a stem folder nor a session file: {path}", path);
        var mix = MixSession.Load(path).ToMixDefinition();
        return new Input(mix.Tracks, mix.Reverb, mix.Master, mix.SampleRate, DspMixEngine.ForSession(path).CacheDirectory);
    }

    /// <summary>The rate most stems have (the higher one on a tie), so most stems render without resampling.</summary>
    private static int CommonRate(IEnumerable<StemAudio> stems) =>
        stems.GroupBy(s => s.Audio.SampleRate).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;

    internal static string Describe(MatchResult r, string referenceName, double stemsFrom, double referenceFrom)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(inv, $"Matched {r.Tracks.Count(t => !t.Silent)} stems to {referenceName} with the {MatchMethods.WireName(r.Method)} method in {r.ElapsedSeconds:0.00} s " +
                $"(analysed {r.SectionSeconds:0.0} s: the stems from {Time(stemsFrom + r.Tracks.Min(t => t.SectionStartSeconds))}, the reference from {Time(referenceFrom + r.ReferenceSectionStartSeconds)})."),
            $"  {"track",-16} {"gain",8} {"pan",6}  {"EQ dB (bands 1-6)",-35} {"compressor",-16} {"send",7}",
        };
        foreach (var t in r.Tracks)
        {
            var s = t.Settings;
            if (t.Silent)
            {
                lines.Add($"  {Clip(t.Name),-16} silent, unchanged");
                continue;
            }
            string eq = string.Join(" ", s.Eq.Bands.Select(b => b.GainDb.ToString("+0.0;-0.0;0.0", inv).PadLeft(5)));
            string comp = s.Compressor.Enabled ? string.Create(inv, $"{s.Compressor.Ratio:0.0}:1 @{s.Compressor.ThresholdDb:0}") : "off";
            string send = s.ReverbSendDb <= ConsoleRanges.OffDb ? "off" : s.ReverbSendDb.ToString("0", inv);
            lines.Add(string.Create(inv, $"  {Clip(t.Name),-16} {s.GainDb,8:+0.0;-0.0;0.0} {Pan(s.Pan),6}  {eq,-35} {comp,-16} {send,7}"));
        }
        var m = r.Master;
        lines.Add(string.Create(inv, $"  {"master",-16} {m.OutputGainDb,8:+0.0;-0.0;0.0} {"",6}  {string.Join(" ", m.Eq.Bands.Select(b => b.GainDb.ToString("+0.0;-0.0;0.0", inv).PadLeft(5))),-35} " +
            $"{(m.Compressor.Enabled ? string.Create(inv, $"{m.Compressor.Ratio:0.0}:1 @{m.Compressor.ThresholdDb:0}") : "off"),-16}"));
        if (r.Errors is { } e)
            lines.Add(string.Create(inv, $"Left over on the analysed section: RMS {e.RmsDb:0.0} dB, crest {e.CrestDb:0.0} dB, width {e.Width:0.00}, imbalance {e.Imbalance:0.00}, " +
                $"Bark mid {e.BarkMidDb:0.0} dB, Bark side {e.BarkSideDb:0.0} dB (loss {e.Loss:0.000})."));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Pan(double pan) => Math.Abs(pan) < 0.005 ? "C" : (pan < 0 ? "L" : "R") + Math.Round(Math.Abs(pan) * 100).ToString(CultureInfo.InvariantCulture);

    private static string Time(double seconds) => $"{(int)(seconds / 60)}:{seconds % 60:00.0}";

    private static string Clip(string name) => name.Length <= 16 ? name : name[..15] + "…";

    private static void AtomicText(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string temp = full + $".tmp-{Guid.NewGuid():N}";
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }
}
