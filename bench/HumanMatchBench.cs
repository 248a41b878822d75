using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Embeddings.StyleTransfer.Recording;

namespace Mixwright.Bench;

/// <summary>
/// Issue 11's figures on a held-out set of human-made multitracks (bench/heldout/make_heldout.sh: tracker songs from
/// Debian game packages, each channel a stem, the tracker's own render the author's mix), two protocols:
/// A, the author's mix as the reference and the stems re-levelled at random by ±9 dB: log-mel spectrogram distance of
/// the matched render to the author's mix; B, the next song's mix as the reference: Bark-spectrum shape error of the
/// mid channel (each spectrum's mean over bands removed). Both also give the per-track balance error: the RMS over
/// tracks of each track's level relative to the mix's mean track level (stem RMS plus its gain; EQ and pan left out)
/// against the author's. For equal loudness, optimize, the network alone, the model method (which first checks for a
/// same-recording reference) and the same-recording solver alone (equal loudness where it finds none), with seconds
/// per song, then the ratios against equal loudness and one 3-minute song's time.
/// </summary>
internal static class HumanMatchBench
{
    private sealed record Song(string Name, IReadOnlyList<string> StemPaths, IReadOnlyList<AudioBuffer> Stems, AudioBuffer Mix);

    private sealed record Score(double Distance, double Balance, double Seconds);

    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        string dir = args[0];
        int limit = args.Length > 1 ? int.Parse(args[1], inv) : int.MaxValue;
        int optimizeRenders = args.Length > 2 ? int.Parse(args[2], inv) : 60;
        const int threads = 2;
        string work = Path.Combine(Path.GetTempPath(), $"mixwright-human-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var songs = Directory.GetDirectories(dir).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).Take(limit).Select(Load).ToArray();
        if (songs.Length < 2) { Console.Error.WriteLine($"bench match {dir}: needs at least 2 songs (run bench/heldout/make_heldout.sh)"); return 2; }
        var files = ModelFiles.Locate();
        var options = new MatchOptions { Threads = threads, MeasureMatch = false, ScratchDirectory = work, OptimizeMaxRenders = optimizeRenders, OptimizeMaxTime = TimeSpan.FromSeconds(60) };
        Console.WriteLine($"match bench, held-out human-made set: {songs.Length} songs from {dir} ({songs.Sum(s => s.Stems.Count)} stems, " +
                          $"{songs.Average(s => s.Mix.DurationSeconds):0} s each), {threads} threads, optimize {optimizeRenders} renders; model: {(files.HasModel ? files.ModelPath : "none")}");
        try
        {
            using var network = files.HasModel ? StyleTransferModel.Load(files, threads) : null;
            const string Loudness = "equal loudness", Model = "model", Solver = "same-recording solver";
            var matchers = new List<(string Label, IMixMatcher Matcher)> { (Loudness, new LoudnessMixMatcher(options)), ("optimize", new OptimizingMixMatcher(options)) };
            if (network is not null)
            {
                matchers.Add(("network alone", new ModelMixMatcher(network, options with { ModelRefineRenders = 0 })));
                matchers.Add((Model, new RecordingMixMatcher(new ModelMixMatcher(network, options))));
            }
            matchers.Add((Solver, new RecordingMixMatcher(new LoudnessMixMatcher(options))));
            var a = matchers.ToDictionary(m => m.Label, _ => new List<Score>());
            var b = matchers.ToDictionary(m => m.Label, _ => new List<Score>());

            for (int s = 0; s < songs.Length; s++)
            {
                var song = songs[s];
                var rng = new Random(500 + s);
                var offsets = song.Stems.Select(_ => -9 + 18 * rng.NextDouble()).ToArray();
                var (inputPaths, inputs) = Relevel(song, offsets, Path.Combine(work, $"song{s}"));
                var other = songs[(s + 1) % songs.Length].Mix;
                var otherFeatures = MixFeatures.Measure(other);
                var lineA = new List<string>();
                var lineB = new List<string>();
                foreach (var (label, matcher) in matchers)
                {
                    var stems = inputs.Select((x, i) => new StemAudio($"ch{i:00}", x)).ToArray();
                    var resultA = matcher.Match(stems, song.Mix);
                    var renderA = Render(resultA, inputPaths, Path.Combine(work, $"song{s}", "a.wav"), threads);
                    var scoreA = new Score(LogMelDistance.Between(renderA, song.Mix), Balance(resultA, song, offsets), resultA.ElapsedSeconds);
                    a[label].Add(scoreA);
                    var resultB = matcher.Match(stems, other);
                    var renderB = Render(resultB, inputPaths, Path.Combine(work, $"song{s}", "b.wav"), threads);
                    var scoreB = new Score(BarkShapeError(MixFeatures.Measure(renderB), otherFeatures), Balance(resultB, song, offsets), resultB.ElapsedSeconds);
                    b[label].Add(scoreB);
                    lineA.Add(string.Create(inv, $"{label} {scoreA.Distance:0.00}"));
                    lineB.Add(string.Create(inv, $"{label} {scoreB.Distance:0.00}"));
                }
                Console.WriteLine($"  {song.Name} ({song.Stems.Count} stems): A log-mel dB: {string.Join(", ", lineA)}; B Bark shape dB: {string.Join(", ", lineB)}");
            }

            Console.WriteLine();
            Console.WriteLine("| method | A: log-mel distance (dB) | A: vs equal loudness | A: balance error (dB) | B: Bark mid shape (dB) | B: vs equal loudness | B: balance error (dB) | s / song |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            double la = a[Loudness].Average(x => x.Distance), lb = b[Loudness].Average(x => x.Distance);
            foreach (var (label, _) in matchers)
            {
                double da = a[label].Average(x => x.Distance), db = b[label].Average(x => x.Distance);
                Console.WriteLine(string.Create(inv,
                    $"| {label} | {da:0.00} | {da / la:0.00}x | {a[label].Average(x => x.Balance):0.00} | {db:0.00} | {db / lb:0.00}x | {b[label].Average(x => x.Balance):0.00} | {a[label].Concat(b[label]).Average(x => x.Seconds):0.00} |"));
            }
            Console.WriteLine();
            Console.WriteLine("targets: A model <= 0.30x equal loudness (aim < 0.5 dB); B model <= 0.50x with balance no worse; network alone <= 0.70x on both.");

            string longDir = Path.Combine(dir, ".long", "pachi-stage3");
            if (Directory.Exists(longDir) && network is not null)
            {
                var big = Load(longDir);
                var stems = big.Stems.Select((x, i) => new StemAudio($"ch{i:00}", x)).ToArray();
                using var model = new RecordingMixMatcher(new ModelMixMatcher(network, options));
                model.Match(stems, big.Mix);   // warm-up: JIT and ONNX Runtime's first-run allocations
                var clock = Stopwatch.StartNew();
                var r = model.Match(stems, big.Mix);
                clock.Stop();
                var clockB = Stopwatch.StartNew();
                model.Match(stems, songs[0].Mix);
                clockB.Stop();
                Console.WriteLine(string.Create(inv, $"one {stems.Length}-track, {big.Mix.DurationSeconds:0} s song by the model method on {threads} threads: own mix as reference {clock.Elapsed.TotalSeconds:0.00} s " +
                    $"(residual {r.Recording?.ResidualDb:0.0} dB), another song as reference {clockB.Elapsed.TotalSeconds:0.00} s (target < 2 s)"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Song Load(string dir)
    {
        var paths = Directory.GetFiles(Path.Combine(dir, "stems"), "*.wav").Order(StringComparer.Ordinal).ToArray();
        return new Song(Path.GetFileName(dir), paths, paths.Select(p => AudioFile.ReadAll(p)).ToArray(), AudioFile.ReadAll(Path.Combine(dir, "mix.wav")));
    }

    private static (IReadOnlyList<string> Paths, IReadOnlyList<AudioBuffer> Audio) Relevel(Song song, double[] offsetsDb, string dir)
    {
        Directory.CreateDirectory(dir);
        var paths = new List<string>();
        var audio = new List<AudioBuffer>();
        for (int i = 0; i < song.Stems.Count; i++)
        {
            var x = song.Stems[i].Clone();
            float g = (float)Math.Pow(10, offsetsDb[i] / 20);
            for (int c = 0; c < x.ChannelCount; c++) { var ch = x.Channel(c); for (int k = 0; k < ch.Length; k++) ch[k] *= g; }
            string path = Path.Combine(dir, $"in{i:00}.wav");
            WavWriter.Write(path, x, WavSampleFormat.Float32);
            paths.Add(path);
            audio.Add(x);
        }
        return (paths, audio);
    }

    private static AudioBuffer Render(MatchResult result, IReadOnlyList<string> inputs, string output, int threads)
    {
        OfflineRenderer.Render(result.ToMixDefinition(inputs, 44100), new RenderOptions(output) { MaxParallelism = threads, IncludeReverbTail = false, Analysis = RenderAnalysis.Levels });
        return AudioFile.ReadAll(output);
    }

    /// <summary>Per-track balance error (dB): each track's level (author's stem level + re-level offset + gain) relative to the mean track, against the author's.</summary>
    private static double Balance(MatchResult result, Song song, double[] offsetsDb)
    {
        var author = song.Stems.Select(RmsDb).ToArray();
        var matched = result.Tracks.Select((t, i) => author[i] + offsetsDb[i] + (t.Settings.Mute ? -60 : t.Settings.GainDb)).ToArray();
        double ma = author.Average(), mm = matched.Average();
        return Math.Sqrt(author.Select((v, i) => Math.Pow(matched[i] - mm - (v - ma), 2)).Average());
    }

    private static double RmsDb(AudioBuffer x)
    {
        double sum = 0;
        for (int c = 0; c < x.ChannelCount; c++) foreach (float v in x.Channel(c)) sum += (double)v * v;
        return 10 * Math.Log10(sum / (x.Frames * (double)x.ChannelCount) + 1e-20);
    }

    /// <summary>Mean absolute difference of the mid Bark spectra after removing each one's mean level: the shape alone.</summary>
    private static double BarkShapeError(MixFeatures mix, MixFeatures reference)
    {
        var a = mix.BarkMidDb.Select(FeatureLoss.Floor).ToArray();
        var b = reference.BarkMidDb.Select(FeatureLoss.Floor).ToArray();
        double ma = a.Average(), mb = b.Average();
        return a.Select((v, i) => Math.Abs(v - ma - (b[i] - mb))).Average();
    }
}
