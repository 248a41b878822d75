using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Text;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The prompts of <c>prompts/</c>: the LLM system prompt and the plain-language explanation templates.
/// Templates use <c>{name}</c> placeholders; a segment in <c>[[ ]]</c> is optional and disappears when any
/// placeholder inside it has no value ("I cut 3 dB[[ because {measurement}]]"). A placeholder outside such
/// a segment is required.
/// </summary>
public sealed partial class PromptLibrary : IDescriptorExplainer
{
    public const string SystemPromptName = "system";
    private const string ResourcePrefix = "Mixwright.Prompts.";

    private static readonly Lazy<PromptLibrary> LazyDefault = new(FromEmbeddedResources);

    [GeneratedRegex(@"\[\[(.*?)\]\]", RegexOptions.Singleline)]
    private static partial Regex OptionalSegment();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    private readonly Dictionary<string, string> _texts;

    private PromptLibrary(Dictionary<string, string> texts, string origin)
    {
        if (!texts.ContainsKey(SystemPromptName))
            throw new FileNotFoundException($"{origin}: system.md is missing.");
        _texts = texts;
    }

    /// <summary>The prompts compiled into this assembly.</summary>
    public static PromptLibrary Default => LazyDefault.Value;

    /// <summary>Reads system.md and explanations/*.md from a prompts directory (for editing prompts without rebuilding).</summary>
    public static PromptLibrary FromDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Prompts directory '{directory}' does not exist.");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            texts[NameOf(relative)] = File.ReadAllText(file);
        }
        return new PromptLibrary(texts, directory);
    }

    private static PromptLibrary FromEmbeddedResources()
    {
        var assembly = typeof(PromptLibrary).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            texts[NameOf(resource[ResourcePrefix.Length..].Replace('\\', '/'))] = reader.ReadToEnd();
        }
        return new PromptLibrary(texts, $"{assembly.GetName().Name} embedded prompts");
    }

    /// <summary>"explanations/eq-cut.md" is the template "eq-cut"; "system.md" is "system".</summary>
    private static string NameOf(string relativePath)
    {
        string withoutExtension = relativePath.EndsWith(".md", StringComparison.Ordinal) ? relativePath[..^3] : relativePath;
        return withoutExtension.StartsWith("explanations/", StringComparison.Ordinal) ? withoutExtension["explanations/".Length..] : withoutExtension;
    }

    /// <summary>Names of the explanation templates.</summary>
    public IReadOnlyCollection<string> TemplateNames => _texts.Keys.Where(k => k != SystemPromptName).Order(StringComparer.Ordinal).ToList();

    public string Template(string name) =>
        _texts.TryGetValue(name, out string? text) ? text.Trim()
        : throw new KeyNotFoundException($"No prompt template '{name}' (known: {string.Join(", ", _texts.Keys.Order(StringComparer.Ordinal))}).");

    /// <summary>The template with its placeholders filled. Throws when a required placeholder has no value.</summary>
    public string Fill(string name, IReadOnlyDictionary<string, string> values) => Fill(name, Template(name), values);

    private static string Fill(string name, string template, IReadOnlyDictionary<string, string> values)
    {
        string withOptional = OptionalSegment().Replace(template, m =>
            Placeholder().Matches(m.Groups[1].Value).All(p => values.ContainsKey(p.Groups[1].Value)) ? m.Groups[1].Value : "");
        return Placeholder().Replace(withOptional, m =>
            values.TryGetValue(m.Groups[1].Value, out string? v) ? v
            : throw new ArgumentException($"Template '{name}' needs a value for {{{m.Groups[1].Value}}}.", nameof(values)));
    }

    /// <summary>
    /// The system prompt for an LLM back-end: console ranges from ConsoleRanges, the descriptor words
    /// from the lexicon, and a compact summary of the session (track names are quoted as data).
    /// </summary>
    public string SystemPrompt(string sessionSummary, DescriptorLexicon? descriptors = null)
    {
        var ranges = new StringBuilder();
        foreach (var range in ConsoleRanges.All)
            ranges.Append("- ").Append(range.Name).Append(": ").Append(range.Describe()).Append(" (").Append(range.Meaning).AppendLine(")");
        var words = (descriptors ?? DescriptorLexicon.Default).Descriptors.Select(d => d.Word);
        return Fill(SystemPromptName, Template(SystemPromptName), new Dictionary<string, string>
        {
            ["console_ranges"] = ranges.ToString().TrimEnd(),
            ["descriptor_words"] = string.Join(", ", words),
            ["session_summary"] = sessionSummary,
        });
    }

    /// <summary>Which explanation template fits a sound-changing call, or null when none does.</summary>
    public static string? TemplateFor(ToolCall call) => call.Name switch
    {
        ToolNames.SetGain => (call.GetNumber("delta_db") ?? call.GetNumber("gain_db") ?? 0) >= 0 ? "gain-up" : "gain-down",
        ToolNames.SetPan when call.GetNumber("pan") is 0 => "center",
        ToolNames.SetPan => "pan",
        ToolNames.SetWidth => (call.GetNumber("width_delta") ?? call.GetNumber("width") - 1 ?? 0) >= 0 ? "width-more" : "width-less",
        ToolNames.SetHighPass => "high-pass",
        ToolNames.SetEqBand => (call.GetNumber("delta_db") ?? call.GetNumber("gain_db") ?? 0) < 0 ? "eq-cut" : "eq-boost",
        ToolNames.SetCompressor => call.GetNumber("steps") < 0 || call.GetBool("enabled") == false ? "compression-less" : "compression-more",
        ToolNames.SetReverb when call.Track is not null => (call.GetNumber("send_delta_db") ?? call.GetNumber("send_db") ?? 0) >= 0 && call.GetNumber("send_db") is not <= -80 ? "reverb-more" : "reverb-less",
        ToolNames.SetMute => "mute",
        ToolNames.SetSolo => "solo",
        ToolNames.SetMaster when call.GetNumber("loudness_target_lufs") is not null => "loudness-target",
        ToolNames.SetMaster when call.GetNumber("output_gain_delta_db") is not null || call.GetNumber("output_gain_db") is not null => "master-gain",
        ToolNames.ApplyDescriptor => "descriptor",
        ToolNames.MatchReference => "reference",
        ToolNames.BalanceLevels => "balance",
        _ => null,
    };

    /// <summary>
    /// The "descriptor" explanation for an apply_descriptor call: what the word means, the console moves
    /// it made (from the lexicon, scaled by intensity and mirrored for "less"), and where the knowledge
    /// comes from.
    /// </summary>
    public string ExplainDescriptor(ToolCall call, string? measurement = null, DescriptorLexicon? lexicon = null)
    {
        if (call.Name != ToolNames.ApplyDescriptor) throw new ArgumentException($"{call.Name} is not apply_descriptor.", nameof(call));
        var args = call.ArgumentsAs<ApplyDescriptorArgs>();
        var d = (lexicon ?? DescriptorLexicon.Default).Get(args.Descriptor);
        var moves = d.MovesFor(args.Variant).Scaled(args.Intensity * (args.Negate ? -1 : 1));
        return ExplainDescriptor(args.Track == ToolCallShapes.MixTarget ? "the mix" : args.Track, d, moves, args.Negate, measurement, tradeOff: null);
    }

    /// <summary>The "descriptor" explanation for moves already sized: the word, its gloss, the moves, the measurement, the trade-off and the source.</summary>
    public string ExplainDescriptor(string track, Descriptor descriptor, DescriptorMoves moves, bool negate, string? measurement, string? tradeOff)
    {
        var parts = new List<string>();
        foreach (var m in moves.Eq)
        {
            if (m.Type == EqMoveType.HighPass)
            {
                parts.Add(negate ? "eased its high-pass" : $"added a high-pass at {Hz(m.FrequencyHz)}");
                continue;
            }
            string where = m.Type switch
            {
                EqMoveType.LowShelf => $"everything below {Hz(m.FrequencyHz)}",
                EqMoveType.HighShelf => $"everything above {Hz(m.FrequencyHz)}",
                _ => $"{Hz(m.FrequencyHz)}",
            };
            parts.Add($"{(m.GainDb < 0 ? "lowered" : "raised")} {where} by {Number(Math.Abs(m.GainDb))} dB");
        }
        if (moves.CompressionSteps != 0) parts.Add(moves.CompressionSteps > 0 ? "compressed it a little more" : "eased its compression");
        if (moves.ReverbSendDb != 0) parts.Add($"{(moves.ReverbSendDb > 0 ? "raised" : "lowered")} its reverb send by {Number(Math.Abs(moves.ReverbSendDb))} dB");
        if (moves.Width != 0) parts.Add(moves.Width > 0 ? "widened it" : "narrowed it");
        if (moves.GainDb != 0) parts.Add($"{(moves.GainDb > 0 ? "raised" : "lowered")} its level by {Number(Math.Abs(moves.GainDb))} dB");
        var values = new Dictionary<string, string>
        {
            ["track"] = track,
            ["direction"] = negate ? "less" : "more",
            ["descriptor"] = descriptor.Word,
            ["gloss"] = descriptor.Gloss,
            ["moves"] = parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
            ["source_note"] = descriptor.Source.Note,
        };
        if (measurement is not null) values["measurement"] = measurement;
        if (tradeOff is not null) values["trade_off"] = tradeOff;
        return Fill("descriptor", values);
    }

    /// <summary>The descriptor explanation with its trade-off, for the console planning in Tools.</summary>
    public string Explain(string who, Descriptor descriptor, DescriptorMoves applied, bool negate, string? measurement) =>
        ExplainDescriptor(who, descriptor, applied, negate, measurement, TradeOff(who, applied));

    /// <summary>
    /// The trade-off of a set of moves, from the trade-off templates: the biggest EQ move decides (a boost
    /// crowds the region, a cut thins the part), else compression, else space (reverb and width), else level.
    /// </summary>
    public string? TradeOff(string track, DescriptorMoves moves)
    {
        var biggest = moves.Eq.Where(m => m.Type != EqMoveType.HighPass).OrderByDescending(m => Math.Abs(m.GainDb)).FirstOrDefault();
        if (biggest is not null && biggest.GainDb != 0)
            return Fill(biggest.GainDb > 0 ? "trade-off-boost" : "trade-off-cut", new Dictionary<string, string> { ["track"] = track, ["region"] = RegionWords(biggest) });
        if (moves.Eq.Any(m => m.Type == EqMoveType.HighPass))
            return Fill("trade-off-cut", new Dictionary<string, string> { ["track"] = track, ["region"] = "low end" });
        if (moves.CompressionSteps != 0)
            return Fill(moves.CompressionSteps > 0 ? "trade-off-compression-more" : "trade-off-compression-less", new Dictionary<string, string> { ["track"] = track });
        double space = moves.ReverbSendDb / 6 + moves.Width;
        if (space != 0)
            return Fill(space > 0 ? "trade-off-space-more" : "trade-off-space-less", new Dictionary<string, string> { ["track"] = track });
        if (moves.GainDb != 0)
            return Fill("trade-off-level", new Dictionary<string, string> { ["track"] = track, ["direction"] = moves.GainDb > 0 ? "forward" : "back" });
        return null;
    }

    /// <summary>What people call the range an EQ move works on: "low mids", "upper mids", "air".</summary>
    public static string RegionWords(EqMove move)
    {
        // A shelf works mostly beyond its corner; name the range it reaches into.
        double hz = move.Type switch { EqMoveType.LowShelf => move.FrequencyHz / 2, EqMoveType.HighShelf => move.FrequencyHz * 1.5, _ => move.FrequencyHz };
        return hz switch { < 60 => "sub lows", < 250 => "lows", < 500 => "low mids", < 2000 => "mids", < 4000 => "upper mids", < 10000 => "highs", _ => "air" };
    }

    private static string Hz(double hz) => hz >= 1000 ? Number(hz / 1000) + " kHz" : Number(hz) + " Hz";

    /// <summary>Formats a number the way explanations print it: invariant culture, at most one decimal.</summary>
    public static string Number(double value) => DisplayText.Number(value);
}
