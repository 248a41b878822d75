using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;
using Mixwright.Embeddings.Roles;
using Mixwright.Embeddings.Text;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// Everything the interpreter builds once per track list: the track resolver, a spelling corrector whose
/// vocabulary includes this session's track names, the tagger and the clause analyser.
/// </summary>
internal sealed class SessionParser
{
    public SessionParser(IReadOnlyList<TrackInfo> tracks, DescriptorLexicon descriptors, RoleLexicon roles, IntensityLexicon intensities)
    {
        Resolver = new TrackResolver(tracks.Select(t => (t.Name, t.Role)), roles);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        vocabulary.UnionWith(descriptors.Vocabulary);
        vocabulary.UnionWith(roles.Vocabulary);
        vocabulary.UnionWith(intensities.Vocabulary);
        vocabulary.UnionWith(GrammarVocabulary);
        foreach (var t in Resolver.Tracks) vocabulary.UnionWith(t.NameKeys.Where(k => k.Length > 1 && !char.IsDigit(k[0])));
        Tokenizer = new Tokenizer(new SpellingCorrector(vocabulary, CommonWords.Default));
        Tagger = new Tagger(descriptors, intensities, Resolver);
        Analyzer = new ClauseAnalyzer(Resolver, intensities, descriptors);
        Key = KeyOf(tracks);
    }

    public string Key { get; }
    public TrackResolver Resolver { get; }
    public Tokenizer Tokenizer { get; }
    public Tagger Tagger { get; }
    public ClauseAnalyzer Analyzer { get; }

    public static string KeyOf(IReadOnlyList<TrackInfo> tracks) => string.Join('\u0001', tracks.Select(t => t.Name + "\u0002" + t.Role));

    /// <summary>Single words of the request grammar, so typos of them are corrected too ("lowder").</summary>
    private static readonly IReadOnlyList<string> GrammarVocabulary =
        Grammar.Phrases.Concat(Grammar.PositiveMarkers).Concat(Grammar.NegativeMarkers).Concat(Grammar.Copulas)
            .Concat(Grammar.PanVerbs).Concat(Grammar.MuteWords).Concat(Grammar.SoloWords).Concat(Grammar.UnmuteWords)
            .Concat(Grammar.HighPassWords).Concat(Grammar.LowPassWords).Concat(Grammar.MaskingVerbs).Concat(Grammar.EqVerbs)
            .Concat(BuiltInQualities.Words.Keys)
            .Concat(Grammar.DecompressPhrases).Concat(Grammar.PraiseWords).Concat(Grammar.PlacementVerbs).Concat(Grammar.ExcessMarkers)
            .Concat(["revert", "scratch", "ctrl", "forget", "nevermind", "perfect", "keep", "ahead", "show", "list", "check", "match", "duck",
                "breathe", "back", "forward", "ref", "original", "rough", "levels", "history", "sounds", "looks",
                "left", "right", "center", "centered", "undo", "redo", "render", "bounce", "export", "compare", "balance",
                "reference", "why", "what", "how", "please", "mute", "solo", "unmute", "unsolo", "pan", "apart", "mono", "width",
                "ratio", "threshold", "attack", "release", "ceiling", "loudness", "analyze", "measure", "explain", "tracks",
                "everything", "except", "instead", "longer", "shorter", "notch", "shelf", "frequency", "guitar", "vocal", "drums",
                "yes", "okay", "commit", "discard", "cancel", "apply", "propose", "proposal", "history", "change", "changed",
                "louder", "quieter", "brighter", "darker", "warmer", "reverb", "compression", "compressor", "panned", "whole"])
            .SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(TextKey.Of).Distinct().ToList();
}
