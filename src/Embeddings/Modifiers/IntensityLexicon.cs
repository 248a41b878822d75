using System.Text.Json;
using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Modifiers;

/// <summary>
/// Intensity adverbs (Data/modifiers.json): "slightly" 0.33, unmarked 0.6, "a lot" 1. The interpreter
/// multiplies a descriptor's moves and an action's default step by the intensity.
/// </summary>
public sealed class IntensityLexicon
{
    public const string DefaultFileName = "modifiers.json";

    private static readonly Lazy<IntensityLexicon> LazyDefault = new(() => Parse(EmbeddedData.ReadText(DefaultFileName), DefaultFileName));

    private readonly Dictionary<string, double> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    private IntensityLexicon(double defaultIntensity, IEnumerable<(string Phrase, double Intensity)> phrases)
    {
        DefaultIntensity = defaultIntensity;
        int max = 1;
        foreach (var (phrase, intensity) in phrases)
        {
            _byKey[TextKey.Of(phrase)] = intensity;
            foreach (string word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)) _words.Add(TextKey.Of(word));
            max = Math.Max(max, phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        MaxPhraseTokens = max;
    }

    public static IntensityLexicon Default => LazyDefault.Value;

    /// <summary>The intensity when the user gives none.</summary>
    public double DefaultIntensity { get; }
    public int MaxPhraseTokens { get; }
    /// <summary>Every word of every phrase, for spelling correction.</summary>
    public IEnumerable<string> Vocabulary => _words;

    /// <summary>The longest intensity phrase starting at <paramref name="start"/>.</summary>
    public (double Intensity, int Length)? MatchAt(IReadOnlyList<string> tokens, int start)
    {
        for (int len = Math.Min(MaxPhraseTokens, tokens.Count - start); len >= 1; len--)
            if (_byKey.TryGetValue(TextKey.Of(tokens, start, len), out double intensity))
                return (intensity, len);
        return null;
    }

    public static IntensityLexicon Parse(string json, string sourceName)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        double def = root.GetProperty("default").GetDouble();
        var phrases = new List<(string, double)>();
        foreach (var level in root.GetProperty("levels").EnumerateArray())
        {
            double intensity = level.GetProperty("intensity").GetDouble();
            if (intensity <= 0 || intensity > 1)
                throw new InvalidDataException($"{sourceName}: intensity {intensity} must be in (0, 1].");
            foreach (var p in level.GetProperty("phrases").EnumerateArray()) phrases.Add((p.GetString()!, intensity));
        }
        if (def <= 0 || def > 1) throw new InvalidDataException($"{sourceName}: default intensity {def} must be in (0, 1].");
        return new IntensityLexicon(def, phrases);
    }
}
