namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// The request grammar's function words: which words push a quality up or down, which state a complaint,
/// which separate clauses. Multi-word phrases are matched as one item before anything else so "turn down"
/// or "too much" are never split into words with other meanings. The word-to-sound knowledge itself lives
/// in Mixwright.Embeddings' data, not here.
/// </summary>
internal static class Grammar
{
    /// <summary>Phrases read as one grammar item (longest first).</summary>
    public static readonly string[] Phrases =
    [
        "too much", "way too much", "so much", "not enough", "not so", "not as", "not too", "could use", "could do with",
        "needs more", "need more", "get rid of", "take away", "take out", "take off", "pull back", "pull down", "pull out",
        "back off", "tone down", "dial back", "dial down", "dial up", "turn down", "turn up", "bring up", "bring down",
        "bring out", "bring in", "push up", "push down", "bump up", "crank up", "pump up", "rein in", "roll off", "cut down",
        "high pass", "high-pass", "low cut", "low-cut", "low pass", "low-pass", "high cut", "hi cut", "hi pass", "hi-pass",
        "hard left", "hard right", "far left", "far right", "dead center", "all the way", "in the middle", "the middle",
        "left and right", "either side", "opposite sides", "both sides",
        "turn off", "switch off", "turn on", "switch on", "even out", "even it out", "level out", "smooth out",
        "tame the peaks", "catch the peaks", "control the peaks", "control the dynamics", "the peaks",
        "can not hear", "can barely hear", "barely hear", "hard to hear", "hardly hear", "can hardly hear", "not hear",
        "cant hear", "can not really hear", "struggle to hear",
        "should be", "needs to be", "need to be", "has to be", "have to be", "to be", "could be", "would be",
        "come across", "comes across", "coming across", "comes out", "comes off", "sits", "sitting",
        "drowning out", "drowns out", "stepping on", "steps on", "clashing with", "fighting with", "competing with",
        "room for", "space for", "make way for", "compared to", "relative to", "next to", "apart from", "other than",
        "aside from", "except for", "as well", "as well as", "in front of", "and then", "after that", "right now", "right away", "all right", "same for", "same with", "same to", "same on",
        "the same", "same thing", "true peak", "true-peak", "on top of", "on top", "more of", "less of", "some more",
        "do the same", "the other", "last change", "last two", "last three", "a bit much", "a little much", "bit much",
        "let it breathe", "let them breathe", "all over the place", "ease off", "ease up", "go easy on", "lay off", "cut back",
    ];

    public static readonly HashSet<string> PositiveMarkers =
    [
        "more", "add", "some", "extra", "increase", "boost", "raise", "bring up", "bring out", "push", "push up", "up", "lift",
        "bump", "bump up", "enhance", "emphasize", "emphasise", "accentuate", "crank", "crank up", "pump up", "turn up", "plus",
        "need", "needs", "needed", "want", "wants", "lacks", "lacking", "lack", "missing", "could use", "could do with", "give",
        "higher", "restore", "dial up", "amp up", "heighten", "needs more", "need more", "more of", "some more", "increased",
        "boosted", "louder", "put", "bring in", "improve", "accent", "stronger",
        "maximize", "maximise", "max", "barely", "hardly", "scarcely",
    ];

    public static readonly HashSet<string> NegativeMarkers =
    [
        "less", "reduce", "decrease", "cut", "cut down", "remove", "take away", "take out", "take off", "lower", "drop", "down",
        "tame", "kill", "get rid of", "pull back", "pull down", "pull out", "back off", "tone down", "dial back", "dial down",
        "turn down", "bring down", "push down", "rein in", "fewer", "minus", "roll off", "attenuate", "lose", "lessen",
        "diminish", "scoop", "dip", "notch", "clean up", "tidy up", "control", "fix", "no", "without", "less of", "reduced",
        "lowered", "cut back", "ease off", "ease up", "soften", "deemphasize", "de-emphasize", "minimize", "minimise",
        "suppress", "shave", "trim", "eliminate", "duck", "tuck", "ease off", "ease up", "go easy on", "lay off",
    ];

    /// <summary>Markers that mean "too much of it" and invert the quality.</summary>
    public static readonly HashSet<string> ExcessMarkers = ["too", "too much", "way too much", "so much", "overly", "excessive", "excess", "overdone", "over", "a bit much", "a little much", "bit much", "all over the place"];

    /// <summary>Markers that remove a send or a compressor outright rather than step it down.</summary>
    public static readonly HashSet<string> OffMarkers = ["no", "kill", "remove", "without", "turn off", "switch off", "get rid of", "bypass", "disable", "zero"];

    public static readonly HashSet<string> Copulas =
    [
        "is", "are", "was", "were", "sounds", "sound", "sounding", "seems", "seem", "feels", "feel", "gets", "getting", "got", "has",
        "have", "looks", "look", "became", "becomes", "come across", "comes across", "coming across", "comes out", "comes off",
        "sits", "sitting", "sit",
    ];

    /// <summary>Words that make what follows a request for the quality, not a complaint about it.</summary>
    public static readonly HashSet<string> RequestWords =
    [
        "make", "get", "should be", "needs to be", "need to be", "has to be", "have to be", "to be", "could be", "would be",
        "want", "wants", "like", "go", "try", "keep", "let", "give", "need", "needs", "should", "could", "would",
    ];

    public static readonly HashSet<string> Separators = ["and", "but", "then", "plus", "while", "and then", "after that", "as well as", "or", "whereas"];

    public static readonly HashSet<string> Pronouns = ["it", "them", "they", "this", "that", "these", "those", "its", "one", "ones", "him", "her"];

    public static readonly HashSet<string> Determiners = ["the", "my", "our", "your", "a", "an", "this", "that", "these", "those", "his", "her", "their"];

    public static readonly HashSet<string> Quantifiers = ["all", "both", "every", "each", "all of the", "either"];

    public static readonly HashSet<string> ExclusionWords =
    [
        "but", "except", "except for", "apart from", "other than", "besides", "minus", "not", "excluding", "aside from", "save", "without", "bar",
    ];

    /// <summary>Before a track name these make it a reference point, not a target ("under the vocals").</summary>
    public static readonly HashSet<string> RelationalWords =
    [
        "under", "underneath", "behind", "against", "than", "below", "beneath", "above", "over", "around", "versus", "vs",
        "compared to", "relative to", "next to", "by", "room for", "space for", "make way for", "with", "on top of", "in front of",
    ];

    /// <summary>"The guitars are drowning the vocal": the subject is too loud, the object is a reference point.</summary>
    public static readonly HashSet<string> MaskingVerbs =
    [
        "drowning", "drowning out", "drowns", "drowns out", "drown", "masking", "masks", "mask", "covering", "covers", "burying",
        "buries", "bury", "overpowering", "overpowers", "overpower", "fighting", "fights", "fighting with", "clashing",
        "clashes", "clashing with", "stepping on", "steps on", "competing", "competes", "competing with", "swallowing",
        "swallows", "eating", "eats", "smothering", "smothers", "dominating", "dominates", "overwhelming", "overwhelms",
        "hiding", "hides", "obscuring", "obscures", "swamping", "swamps",
    ];

    public static readonly HashSet<string> PanVerbs = ["pan", "panned", "panning", "place", "put", "move", "shift", "position", "sit", "sits", "nudge", "push", "slide", "swing"];
    public static readonly HashSet<string> CenterWords = ["center", "centered", "the middle", "in the middle", "dead center", "centre"];
    public static readonly HashSet<string> SpreadWords = ["apart", "spread", "either side", "opposite sides", "both sides", "left and right", "split", "wide apart"];
    public static readonly HashSet<string> HardPanWords = ["hard", "hard left", "hard right", "fully", "all the way", "extreme", "completely"];
    public static readonly HashSet<string> FarPanWords = ["far", "far left", "far right", "way"];
    public static readonly HashSet<string> PanLeadIns = ["to", "the", "more", "bit", "little", "touch", "tad", "slightly", "over", "towards", "toward", "further", "hair", "a", "left", "right"];

    public static readonly HashSet<string> MuteWords = ["mute", "silence", "kill", "drop out", "take out", "get rid of", "lose", "cut out", "remove"];
    public static readonly HashSet<string> UnmuteWords = ["unmute", "un-mute", "bring back", "put back", "restore"];
    public static readonly HashSet<string> SoloWords = ["solo", "isolate", "soloed"];
    public static readonly HashSet<string> UnsoloWords = ["unsolo", "un-solo", "unsoloed"];

    public static readonly HashSet<string> HighPassWords = ["high pass", "high-pass", "highpass", "hpf", "low cut", "low-cut", "lowcut", "hi pass", "hi-pass", "hp"];
    public static readonly HashSet<string> LowPassWords = ["low pass", "low-pass", "lowpass", "lpf", "high cut", "hi cut", "highcut"];
    public static readonly HashSet<string> EqVerbs = ["cut", "boost", "notch", "dip", "scoop", "add", "take", "remove", "reduce", "lift", "bump", "eq", "shelf", "attenuate", "pull", "pull out", "take out", "some", "at", "around", "near"];
    public static readonly HashSet<string> EqCutVerbs = ["cut", "notch", "dip", "scoop", "take", "remove", "reduce", "attenuate", "pull", "pull out", "take out", "less", "lower", "tame"];

    public static readonly HashSet<string> LongerWords = ["longer", "long", "lengthen", "extend", "bigger"];
    public static readonly HashSet<string> ShorterWords = ["shorter", "short", "shorten", "smaller", "tighter"];

    public static readonly HashSet<string> FollowUpMarkers = ["too", "as well", "also", "same", "the same", "same thing", "same for", "same with", "same to", "same on", "ditto", "likewise", "again"];

    /// <summary>Descriptor verbs that, aimed at a frequency region, mean reducing it ("clean up the low end").</summary>
    public static readonly HashSet<string> ReducerDescriptors = ["clean", "clear", "tight", "thin", "controlled", "smooth", "tame"];

    /// <summary>Phrases that by themselves ask for more level ("put the vocal on top").</summary>
    public static readonly HashSet<string> LevelUpPhrases =
    [
        "on top", "on top of", "in front of", "can not hear", "can barely hear", "barely hear", "hard to hear", "hardly hear", "can hardly hear", "not hear",
        "cant hear", "can not really hear", "struggle to hear",
    ];

    /// <summary>Phrases that by themselves ask for more compression ("tame the peaks", "even it out").</summary>
    /// <summary>Phrases that ask for less compression ("let the piano breathe").</summary>
    public static readonly HashSet<string> DecompressPhrases = ["breathe", "let it breathe", "let them breathe", "breath", "breathing room"];

    /// <summary>Words that praise rather than complain ("the kick sounds great").</summary>
    public static readonly HashSet<string> PraiseWords = ["great", "good", "nice", "perfect", "awesome", "amazing", "fine", "lovely", "fantastic", "brilliant", "excellent", "spot on", "right", "better", "sick", "dope", "fire"];

    /// <summary>"Push the guitars back": a placement verb with "back" sends the track further away.</summary>
    public static readonly HashSet<string> PlacementVerbs = ["push", "put", "move", "pull", "set", "tuck", "sit", "send", "place", "sink", "drop"];

    public static readonly HashSet<string> CompressPhrases =
    [
        "tame the peaks", "catch the peaks", "control the peaks", "control the dynamics", "even out", "even it out", "level out", "smooth out",
        "all over the place",
    ];

    public static readonly HashSet<string> NumberUnitlessAmountLeadIns = ["by", "up", "down", "to", "at"];

    /// <summary>Boost words for an EQ move at a named frequency ("boost 3k", "add some 100 Hz").</summary>
    public static readonly HashSet<string> EqBoostVerbs = ["boost", "add", "lift", "bump", "more", "raise", "push", "bump up", "some", "extra"];

    /// <summary>After a quality, these give its direction ("the reverb up", "the bass lower").</summary>
    public static readonly HashSet<string> TrailingUpWords = ["up", "higher", "louder"];
    public static readonly HashSet<string> TrailingDownWords = ["down", "lower", "quieter"];

    /// <summary>A clause with only one of these borrows the qualities of the clause before ("..., less on the piano").</summary>
    public static readonly HashSet<string> EchoMoreWords = ["more", "some more", "extra", "not enough", "add", "some"];
    public static readonly HashSet<string> EchoLessWords = ["less", "fewer", "too much", "no", "way too much", "not so much"];

    /// <summary>Said of a track, these mean it is too loud ("the bass is a bit much").</summary>
    public static readonly HashSet<string> TooLoudPhrases = ["too much", "way too much", "a bit much", "a little much", "bit much", "overpowering"];

    /// <summary>The markers that, with a track and no quality, move its level ("snare up", "bring the guitars down").</summary>
    public static readonly HashSet<string> LevelUpWords =
    [
        "boost", "raise", "up", "turn up", "bring up", "push up", "crank", "crank up", "pump up", "increase", "more", "dial up", "bump up", "bump", "lift", "push",
    ];
    public static readonly HashSet<string> LevelDownWords =
    [
        "down", "lower", "turn down", "bring down", "push down", "drop", "reduce", "decrease", "less", "cut", "pull back", "pull down", "back off", "dial back",
        "dial down", "tone down", "cut back", "ease off", "duck", "tuck",
    ];
}
