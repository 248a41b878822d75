using System.Collections.Immutable;
using System.Text.Json;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Descriptors;

/// <summary>
/// The descriptor vocabulary (Data/descriptors.json): lookup by any written form, phrase matching over
/// tokens, and the word list the spelling corrector draws from.
/// </summary>
public sealed class DescriptorLexicon
{
    public const string DefaultFileName = "descriptors.json";

    private static readonly Lazy<DescriptorLexicon> LazyDefault =
        new(() => Parse(EmbeddedData.ReadText(DefaultFileName), DefaultFileName));

    private readonly Dictionary<string, Descriptor> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Descriptor Descriptor, WordFormKind Form)> _bySurfaceKey = new(StringComparer.Ordinal);

    private DescriptorLexicon(
        IReadOnlyList<Descriptor> descriptors,
        IReadOnlyDictionary<string, ToneRegion> regions,
        IReadOnlyDictionary<string, string> sources)
    {
        Descriptors = descriptors;
        Regions = regions;
        Sources = sources;
        foreach (var d in descriptors)
        {
            _byWord[TextKey.Of(d.Word)] = d;
            _bySurfaceKey[TextKey.Of(d.Word)] = (d, WordFormKind.Base);
        }
        // Forms second, so a descriptor's own word always wins over another descriptor's form.
        foreach (var d in descriptors)
            foreach (string form in d.Forms)
                _bySurfaceKey.TryAdd(TextKey.Of(form), (d, ClassifyForm(form, d.Word)));
        MaxPhraseTokens = descriptors.SelectMany(d => d.Forms.Append(d.Word))
            .Max(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Vocabulary = BuildVocabulary(descriptors).ToImmutableArray();
    }

    /// <summary>The lexicon compiled into this assembly.</summary>
    public static DescriptorLexicon Default => LazyDefault.Value;

    public IReadOnlyList<Descriptor> Descriptors { get; }
    public IReadOnlyDictionary<string, ToneRegion> Regions { get; }
    /// <summary>Reference key ("socialeq") to a one-line description of the study.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }
    /// <summary>The most words any written form has ("larger than life" has three).</summary>
    public int MaxPhraseTokens { get; }
    /// <summary>Every single-word key plus generated comparatives, for spelling correction.</summary>
    public ImmutableArray<string> Vocabulary { get; }

    public bool TryGet(string word, out Descriptor descriptor) =>
        _byWord.TryGetValue(TextKey.Of(word), out descriptor!);

    public Descriptor Get(string word) =>
        TryGet(word, out var d) ? d : throw new KeyNotFoundException($"No descriptor '{word}' in {DefaultFileName}.");

    /// <summary>
    /// The descriptor one written word or phrase refers to: its own word, a listed form, or a regular
    /// derivation of either ("brighter", "muddiness", "widen").
    /// </summary>
    public DescriptorMatch? Lookup(string text)
    {
        string key = TextKey.Of(text);
        if (key.Length == 0) return null;
        if (_bySurfaceKey.TryGetValue(key, out var hit)) return new DescriptorMatch(hit.Descriptor, text, hit.Form);
        if (text.Contains(' ')) return null;
        foreach (var (candidate, kind) in WordForms.BaseCandidates(key))
        {
            if (candidate.Length < 3) continue;
            if (_bySurfaceKey.TryGetValue(candidate, out hit))
                return new DescriptorMatch(hit.Descriptor, text, kind == WordFormKind.Base ? hit.Form : kind);
        }
        return null;
    }

    /// <summary>The longest descriptor phrase starting at <paramref name="start"/>, if any.</summary>
    public (DescriptorMatch Match, int Length)? MatchAt(IReadOnlyList<string> tokens, int start)
    {
        for (int len = Math.Min(MaxPhraseTokens, tokens.Count - start); len >= 1; len--)
        {
            string key = TextKey.Of(tokens, start, len);
            if (_bySurfaceKey.TryGetValue(key, out var hit))
                return (new DescriptorMatch(hit.Descriptor, string.Join(' ', tokens.Skip(start).Take(len)), hit.Form), len);
        }
        return Lookup(tokens[start]) is { } single ? (single, 1) : null;
    }

    public static DescriptorLexicon Parse(string json, string sourceName)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e) { throw new InvalidDataException($"{sourceName}: not valid JSON ({e.Message}).", e); }
        using (doc)
        {
            var root = doc.RootElement;
            var sources = root.GetProperty("sources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            var regions = new Dictionary<string, ToneRegion>(StringComparer.Ordinal);
            foreach (var p in root.GetProperty("regions").EnumerateObject())
            {
                string ctx = $"{sourceName}: region '{p.Name}'";
                var range = p.Value.GetProperty("range_hz");
                regions[p.Name] = new ToneRegion(p.Name,
                    EqMoveTypeNames.Parse(p.Value.GetProperty("type").GetString() ?? "", ctx),
                    ConsoleRanges.EqFrequencyHz.Validate(p.Value.GetProperty("freq_hz").GetDouble(), ctx),
                    ConsoleRanges.EqQ.Validate(p.Value.GetProperty("q").GetDouble(), ctx),
                    range[0].GetDouble(), range[1].GetDouble());
            }

            var descriptors = new List<Descriptor>();
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in root.GetProperty("descriptors").EnumerateArray())
            {
                string word = RequiredString(e, "word", sourceName);
                string ctx = $"{sourceName}: descriptor '{word}'";
                if (!words.Add(TextKey.Of(word))) throw new InvalidDataException($"{ctx} is listed twice.");
                var source = e.GetProperty("source");
                var sourceRefs = source.GetProperty("refs").EnumerateArray().Select(r => r.GetString() ?? "").ToArray();
                foreach (string r in sourceRefs)
                    if (!sources.ContainsKey(r)) throw new InvalidDataException($"{ctx} cites unknown source '{r}'.");

                DescriptorMoves? moves = e.TryGetProperty("moves", out var m) ? ParseMoves(m, regions, ctx) : null;
                var alternatives = new List<DescriptorAlternative>();
                if (e.TryGetProperty("alternatives", out var alts))
                    foreach (var a in alts.EnumerateArray())
                    {
                        string id = RequiredString(a, "id", ctx);
                        alternatives.Add(new DescriptorAlternative(id, RequiredString(a, "label", ctx),
                            a.GetProperty("roles").EnumerateArray().Select(r => r.GetString() ?? "").ToArray(),
                            ParseMoves(a.GetProperty("moves"), regions, $"{ctx} alternative '{id}'")));
                    }
                if (moves is null && alternatives.Count < 2)
                    throw new InvalidDataException($"{ctx} needs 'moves' or at least two 'alternatives'.");
                if (moves is not null && alternatives.Count > 0)
                    throw new InvalidDataException($"{ctx} has both 'moves' and 'alternatives'; an ambiguous word has no default.");

                descriptors.Add(new Descriptor(
                    word,
                    e.TryGetProperty("forms", out var forms) ? forms.EnumerateArray().Select(f => f.GetString() ?? "").ToArray() : [],
                    RequiredString(e, "category", ctx),
                    ParseValence(RequiredString(e, "valence", ctx), ctx),
                    e.TryGetProperty("opposite", out var opp) ? opp.GetString() : null,
                    RequiredString(e, "gloss", ctx),
                    new DescriptorSource(sourceRefs, source.GetProperty("note").GetString() ?? ""),
                    moves,
                    alternatives));
            }
            foreach (var d in descriptors)
                if (d.Opposite is not null && !words.Contains(TextKey.Of(d.Opposite)))
                    throw new InvalidDataException($"{sourceName}: descriptor '{d.Word}' names opposite '{d.Opposite}', which is not a descriptor.");
            return new DescriptorLexicon(descriptors, regions, sources);
        }
    }

    private static DescriptorMoves ParseMoves(JsonElement m, IReadOnlyDictionary<string, ToneRegion> regions, string ctx)
    {
        var eq = ImmutableArray.CreateBuilder<EqMove>();
        if (m.TryGetProperty("eq", out var eqs))
            foreach (var e in eqs.EnumerateArray())
            {
                ToneRegion? region = null;
                if (e.TryGetProperty("region", out var r) && !regions.TryGetValue(r.GetString() ?? "", out region))
                    throw new InvalidDataException($"{ctx}: unknown region '{r.GetString()}' (known: {string.Join(", ", regions.Keys)}).");
                EqMoveType type = e.TryGetProperty("type", out var t) ? EqMoveTypeNames.Parse(t.GetString() ?? "", ctx)
                    : region?.Type ?? throw new InvalidDataException($"{ctx}: an EQ move needs a 'region' or a 'type'.");
                double freq = e.TryGetProperty("freq_hz", out var f) ? f.GetDouble()
                    : region?.FrequencyHz ?? throw new InvalidDataException($"{ctx}: an EQ move needs a 'region' or 'freq_hz'.");
                double q = e.TryGetProperty("q", out var qq) ? qq.GetDouble() : region?.Q ?? ConsoleRanges.EqQ.Default;
                double gain = e.GetProperty("gain_db").GetDouble();
                ConsoleRanges.EqFrequencyHz.Validate(freq, ctx);
                ConsoleRanges.EqQ.Validate(q, ctx);
                ConsoleRanges.EqGainDb.Validate(gain, ctx);
                eq.Add(new EqMove(type, freq, gain, q));
            }
        double Number(string name) => m.TryGetProperty(name, out var v) ? v.GetDouble() : 0;
        foreach (var p in m.EnumerateObject())
            if (p.Name is not ("eq" or "compression" or "reverb_send_db" or "width" or "gain_db"))
                throw new InvalidDataException($"{ctx}: unknown move '{p.Name}' (expected eq, compression, reverb_send_db, width, gain_db).");
        var moves = new DescriptorMoves(eq.ToImmutable(), Number("compression"), Number("reverb_send_db"), Number("width"), Number("gain_db"));
        if (moves.IsEmpty) throw new InvalidDataException($"{ctx}: moves are empty.");
        return moves;
    }

    private static string RequiredString(JsonElement e, string name, string ctx) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s : throw new InvalidDataException($"{ctx}: missing '{name}'.");

    private static DescriptorValence ParseValence(string s, string ctx) => s switch
    {
        "neutral" => DescriptorValence.Neutral,
        "quality" => DescriptorValence.Quality,
        "problem" => DescriptorValence.Problem,
        _ => throw new InvalidDataException($"{ctx}: valence '{s}' must be neutral, quality or problem."),
    };

    private static readonly string[] Particles = ["up", "out", "down"];

    private static WordFormKind ClassifyForm(string form, string word)
    {
        string[] parts = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && Particles.Contains(parts[^1])) return WordFormKind.Verb;
        string wordKey = TextKey.Of(word);
        foreach (var (candidate, kind) in WordForms.BaseCandidates(TextKey.Of(form)))
            if (kind != WordFormKind.Base && candidate == wordKey) return kind;
        return WordFormKind.Base;
    }

    private static IEnumerable<string> BuildVocabulary(IEnumerable<Descriptor> descriptors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in descriptors)
            foreach (string surface in d.Forms.Append(d.Word))
            {
                if (surface.Contains(' '))
                {
                    foreach (string word in surface.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        if (seen.Add(TextKey.Of(word))) yield return TextKey.Of(word);
                    continue;
                }
                string key = TextKey.Of(surface);
                if (seen.Add(key)) yield return key;
                // Comparatives of the descriptor's own word only: forms may be nouns or spellings ("brite").
                if (surface == d.Word && key.Length >= 3 && !key.EndsWith("er", StringComparison.Ordinal) && seen.Add(WordForms.Comparative(key)))
                    yield return WordForms.Comparative(key);
            }
    }
}
