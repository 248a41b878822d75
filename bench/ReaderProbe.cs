using Mixwright.Embeddings.Reading;
using Mixwright.Embeddings.Text;

namespace Mixwright.Bench;

/// <summary>`bench reader-probe "text" [mention...]`: what the learned reader makes of one request (for looking, not timing).</summary>
internal static class ReaderProbe
{
    public static int Run(string[] args)
    {
        using var reader = LearnedRequestReader.Load();
        string text = args[0];
        var spans = args.Skip(1).Select(m => { int i = text.IndexOf(m, StringComparison.OrdinalIgnoreCase); return new TextSpan(i, i + m.Length); }).ToList();
        var r = reader.Read(text, spans);
        Console.WriteLine($"act: {string.Join(", ", r.Ranked.Take(3).Select(a => $"{a.Act} {a.Probability:0.00}"))}; intensity {r.Intensity:0.00}");
        Console.WriteLine("master: " + string.Join(", ", r.Master.Where(a => a.Moves > 0.2).Select(a => a.ToString())));
        foreach (var (m, k) in r.Mentions.Select((m, k) => (m, k)))
            Console.WriteLine($"{args[k + 1]}: target {m.TargetProbability:0.00}; " + string.Join(", ", m.Aspects.Where(a => a.Moves > 0.2).Select(a => a.ToString())));
        return 0;
    }
}
