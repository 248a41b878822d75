using Mixwright.Tools.Session;
using Mixwright.Assistant.Agent.Parsing;
using Mixwright.Assistant.Agent.Reading;
using Mixwright.Embeddings.Reading;
using Mixwright.Embeddings.Text;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The learned reader in the interpreter. Every request the exact patterns do not settle (a whole-phrase "yes",
/// "no", "undo", "help") is read by <see cref="IRequestReader"/>: the dialogue act, and for each instrument
/// mention the rules' resolver found, whether it is the target or a point of comparison and which way each
/// aspect should move. The rules still read the request too and supply the exact part: track names, numbers
/// with units, descriptor moves with their measured rationale. The reader decides the act where the rules
/// could not (a polite question that is a request, a whole-mix complaint with no track, vague dissatisfaction),
/// drops the rules' moves on a mention it reads as only a comparison, and adds moves the rules missed, planned
/// through the rules' own canonical phrasing so defaults, ranges and reasons stay the rules'. Where the two
/// disagree on a direction the rules' call stands unless the reader is all but certain
/// (<see cref="OverruleProbability"/>): measured on our validation split, the heads are sure of acts and targets
/// well before they are right about directions. When the reader is unsure of the act it asks one question with its two best
/// readings; vague dissatisfaction gets one question with concrete options.
/// </summary>
public sealed partial class LocalInterpreter
{
    /// <summary>Below this the reader's act is a guess: ask rather than act.</summary>
    internal const float ActConfidence = 0.5f;
    /// <summary>
    /// A direction the reader holds at least this strongly overrules the rules' opposite call. Set high: on our
    /// validation the heads are surer of acts and targets than of directions, and a wrong overrule is a reversal.
    /// </summary>
    internal const float OverruleProbability = 0.99f;
    /// <summary>A move the rules missed is added when the reader gives it at least this probability.</summary>
    internal const float MoveProbability = 0.7f;
    /// <summary>A mention the reader gives at most this probability of being the target is only a comparison.</summary>
    internal const float ComparisonProbability = 0.2f;
    /// <summary>A whole-mix move, when no instrument is the target, is planned from this probability.</summary>
    internal const float WholeMixProbability = 0.5f;
    /// <summary>The reader's act replaces the rules' reading of the request only when it is at least this sure.</summary>
    internal const float ActOverrule = 0.8f;

    private IRequestReader? _reader;
    private Task<IRequestReader?>? _loadingReader;

    /// <summary>
    /// The learned reader. One still loading (<see cref="UseReaderWhenLoaded"/>) is waited for on the first turn
    /// that needs it, so loading overlaps opening the session; with none (no model files) the rules read alone.
    /// </summary>
    public IRequestReader? Reader
    {
        get
        {
            lock (_lock)
            {
                if (_loadingReader is { } loading)
                {
                    _reader = loading.GetAwaiter().GetResult();
                    _loadingReader = null;
                }
                return _reader;
            }
        }
        set { lock (_lock) { _reader = value; _loadingReader = null; } }
    }

    /// <summary>Takes the reader from a load already under way (see <see cref="RequestReaderLoader"/>).</summary>
    public void UseReaderWhenLoaded(Task<IRequestReader?> loading)
    {
        lock (_lock) _loadingReader = loading;
    }

    /// <summary>The last turn's reading, for "why did you read it like that?" and for tests.</summary>
    public RequestReading? LastReading { get; private set; }

    /// <summary>An instrument mention handed to the reader: its characters and the tracks it resolves to.</summary>
    private sealed record ReaderMention(TextSpan Span, IReadOnlyList<string> Tracks, bool Ambiguous, string Words);

    private (RequestReading Reading, List<ReaderMention> Mentions)? Read(Turn turn, List<Token> tokens, List<Item> items)
    {
        if (Reader is not { } reader || turn.Depth > 0) return null;
        var mentions = new List<ReaderMention>();
        foreach (var item in items.Where(i => i.Kind == ItemKind.Mention && i.Mention!.Kind == TrackPhraseKind.Tracks))
        {
            var m = item.Mention!;
            if (item.TokenStart + item.TokenLength > tokens.Count) continue;
            var first = tokens[item.TokenStart];
            var last = tokens[item.TokenStart + item.TokenLength - 1];
            if (first.Start < 0 || last.End <= first.Start) continue;
            var resolution = turn.Session.Resolver.Resolve(m, false, false, null, null);
            mentions.Add(new ReaderMention(new TextSpan(first.Start, last.End), resolution.Tracks.Select(t => t.Name).ToList(), resolution.IsAmbiguous, item.Text));
        }
        var reading = reader.Read(turn.Text, mentions.Select(m => m.Span).ToList());
        LastReading = reading;
        return (reading, mentions);
    }

    /// <summary>Combines the rules' interpretation with the reader's reading of the same request.</summary>
    private Interpretation Reconcile(Turn turn, List<Token> tokens, string s, List<Item> items, bool followUpLead,
        Interpretation rules, RequestReading reading, List<ReaderMention> mentions)
    {
        var ranked = reading.Ranked;
        var act = ranked[0].Act;
        bool rulesChange = rules is ToolCallsInterpretation { ChangesSound: true } rc && rc.Calls.All(c => c.Name != ToolNames.MatchReference);
        bool unable = rules is ReplyInterpretation { Kind: ReplyKind.Unable };

        if (!rulesChange && act == ReaderAct.Change && ranked[0].Probability < ActConfidence && ranked[1].Probability >= 0.3f && ranked[1].Act is ReaderAct.Question or ReaderAct.Explain)
            return TwoReadings(turn, tokens, s, items, followUpLead, rules, rulesChange, reading, mentions);

        switch (act)
        {
            case ReaderAct.Change when rulesChange || (ranked[0].Probability >= ActOverrule && (unable || PoliteRequest(s))):
            {
                // The rules' reading as a change even when it ends with "?" ("could you brighten the piano?").
                var rulesCalls = rulesChange ? (ToolCallsInterpretation)rules : InterpretChanges(turn, tokens, items, followUpLead, s) as ToolCallsInterpretation;
                var combined = ReconcileChange(turn, rulesCalls, reading, mentions, out var readings);
                if (combined is { Count: > 0 }) return new ToolCallsInterpretation(combined, Understood(turn.Text, readings, combined));
                return unable ? VagueQuestion(turn) : rules;
            }
            case ReaderAct.Question:
                // Vague dissatisfaction the rules could not act on gets one question with options; a change the
                // rules could read stands (the reader is surer of "this is vague" than of which words are vague).
                return unable ? VagueQuestion(turn) : rules;
            case ReaderAct.Explain or ReaderAct.Measure:
                return unable ? Calls(ToolCall.Create(ToolNames.AnalyzeMix)) : rules;
            case ReaderAct.SmallTalk:
                return unable ? new ReplyInterpretation("Thanks! What would you like to change next?", ReplyKind.SmallTalk) : rules;
            case ReaderAct.More or ReaderAct.Less:
                return unable ? ScaleLast(turn.Context, items, more: act == ReaderAct.More) : rules;
            case ReaderAct.Undo:
                return unable ? Undo(turn.Context, 1) : rules;
            default:
                return rules;
        }
    }

    /// <summary>
    /// A request worded as a question out of politeness ("can you make the piano brighter?", "is there any way to
    /// make the snare punchier?"), not a question about the current state ("how much reverb is on the vocal?").
    /// </summary>
    private static bool PoliteRequest(string s) =>
        !System.Text.RegularExpressions.Regex.IsMatch(s, @"^(?:why|what|how|where|which|when|who|whose)\b");

    /// <summary>One thing the request moves, as the reader read it.</summary>
    private sealed record ReadMove(string Track, ReaderAspect Aspect, AspectDirection Direction, double Intensity);

    private List<ToolCall>? ReconcileChange(Turn turn, ToolCallsInterpretation? rules, RequestReading reading, List<ReaderMention> mentions, out List<ReadMove> readings)
    {
        readings = [];
        var kept = new List<ToolCall>();
        var overruled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in rules?.Calls ?? [])
        {
            if (!ToolNames.Changing.Contains(call.Name)) { kept.Add(call); continue; }
            string track = call.Track ?? ToolCallShapes.MixTarget;
            var aspects = CallAspects.Of(call, _descriptors).ToList();
            IReadOnlyList<AspectReading>? view = null;
            if (track == ToolCallShapes.MixTarget) view = reading.Master;
            else if (MentionOf(reading, mentions, track) is { } mention)
            {
                if (mention.TargetProbability <= ComparisonProbability) continue;       // named only as a point of comparison
                view = mention.Aspects;
            }
            if (view is not null && aspects.Count > 0)
            {
                bool reversed = aspects.Any(a => !a.Explicit && a.Direction != AspectDirection.None
                    && view[(int)a.Aspect].Probability(Opposite(a.Direction)) >= OverruleProbability);
                if (reversed) { overruled.Add(track); continue; }
            }
            kept.Add(call);
        }

        var covered = kept.SelectMany(c => CallAspects.Of(c, _descriptors)).Select(a => (a.Track, a.Aspect)).ToHashSet();
        // The reader adds moves only where the rules had nothing to say: on a track whose call it overruled, or
        // anywhere when the rules proposed no change at all. Where the rules acted, their reading of the words stands.
        bool rulesActed = kept.Any(c => ToolNames.Changing.Contains(c.Name));
        var touched = kept.Select(c => c.Track ?? ToolCallShapes.MixTarget).ToHashSet(StringComparer.Ordinal);
        var planned = new List<ReadMove>();
        bool anyTarget = false;
        foreach (var (mention, m) in reading.Mentions.Zip(mentions))
        {
            if (!mention.IsTarget || m.Ambiguous) continue;
            anyTarget = true;
            foreach (var a in mention.Aspects.Where(Moving))
                foreach (string track in m.Tracks)
                    if (!covered.Contains((track, a.Aspect)) && !touched.Contains(track) && (!rulesActed || overruled.Contains(track))) planned.Add(new ReadMove(track, a.Aspect, a.Direction, reading.Intensity));
        }
        // With no instrument named as the target, the request is about the whole mix ("the stereo field is too
        // narrow", "it's not loud enough"): the whole-mix head is trusted from an even chance up.
        foreach (var a in reading.Master.Where(a => anyTarget ? Moving(a) : a.Direction != AspectDirection.None && a.Probability(a.Direction) >= WholeMixProbability))
            if (kept.Count == 0 && !(anyTarget && a.Aspect == ReaderAspect.Gain && planned.Any(p => p.Aspect == ReaderAspect.Gain)))
                planned.Add(new ReadMove(ToolCallShapes.MixTarget, a.Aspect, a.Direction, reading.Intensity));
        // A move on the same track and aspect twice (two mentions of one track) is planned once.
        planned = planned.DistinctBy(p => (p.Track, p.Aspect)).ToList();

        foreach (var move in planned)
        {
            string phrase = CanonicalRequest.For(move.Track, move.Aspect, move.Direction, move.Intensity);
            if (Interpret(phrase, turn.Context with { PendingQuestion = null }, turn.Depth + 1) is ToolCallsInterpretation { ChangesSound: true } plan)
                kept.AddRange(plan.Calls.Where(c => ToolNames.Changing.Contains(c.Name)));
        }
        readings = kept.SelectMany(c => CallAspects.Of(c, _descriptors))
            .Select(a => new ReadMove(a.Track, a.Aspect, a.Direction, reading.Intensity)).DistinctBy(r => (r.Track, r.Aspect)).ToList();
        return kept.Distinct().ToList();
    }

    private static bool Moving(AspectReading a) => a.Direction != AspectDirection.None && a.Probability(a.Direction) >= MoveProbability;

    private static MentionReading? MentionOf(RequestReading reading, List<ReaderMention> mentions, string track)
    {
        MentionReading? best = null;
        for (int k = 0; k < mentions.Count && k < reading.Mentions.Count; k++)
            if (mentions[k].Tracks.Contains(track) && (best is null || reading.Mentions[k].TargetProbability > best.TargetProbability))
                best = reading.Mentions[k];
        return best;
    }

    private static AspectDirection Opposite(AspectDirection d) => d switch
    {
        AspectDirection.Plus => AspectDirection.Minus,
        AspectDirection.Minus => AspectDirection.Plus,
        // A pan to the centre is opposed by nothing: either side is a move away from where it was.
        _ => AspectDirection.None,
    };

    private static string TrackWords(string track) => track == ToolCallShapes.MixTarget ? "the whole mix" : track;

    /// <summary>"I read 'a tad harsh' as less presence (2-4 kHz) on Kick and Bass DI", then what the calls do.</summary>
    private static string Understood(string text, List<ReadMove> readings, List<ToolCall> calls)
    {
        string quote = text.Trim();
        if (quote.Length > 70) quote = quote[..67].TrimEnd() + "...";
        var parts = readings.GroupBy(r => (r.Aspect, r.Direction))
            .Select(g => $"{CanonicalRequest.Describe(g.Key.Aspect, g.Key.Direction)} on {string.Join(" and ", g.Select(r => TrackWords(r.Track)).Distinct())}")
            .ToList();
        string understood = parts.Count == 0 ? "" : $"I read \"{quote}\" as {string.Join("; ", parts)}. ";
        return understood + CallDescriber.Summarize(calls);
    }

    /// <summary>
    /// The reader is torn between changing something and answering: one question with both readings.
    /// </summary>
    private Interpretation TwoReadings(Turn turn, List<Token> tokens, string s, List<Item> items, bool followUpLead, Interpretation rules, bool rulesChange,
        RequestReading reading, List<ReaderMention> mentions)
    {
        var rulesCalls = rulesChange ? (ToolCallsInterpretation)rules : InterpretChanges(turn, tokens, items, followUpLead, s) as ToolCallsInterpretation;
        var change = ReconcileChange(turn, rulesCalls, reading, mentions, out var readings);
        if (change is not { Count: > 0 }) return rules is QuestionInterpretation ? rules : VagueQuestion(turn);
        string label = readings.Count > 0
            ? string.Join("; ", readings.Take(3).Select(r => $"{CanonicalRequest.Describe(r.Aspect, r.Direction)} on {TrackWords(r.Track)}"))
            : CallDescriber.Summarize(change);
        var answer = rules is ToolCallsInterpretation { ChangesSound: false } info ? info.Calls : [ToolCall.Create(ToolNames.AnalyzeMix)];
        return new QuestionInterpretation("Should I change something, or were you asking how it sounds now?",
            [new QuestionOption("change it: " + label, change), new QuestionOption("just tell me how it measures now", answer)]);
    }

    /// <summary>
    /// "Fix it", "it's not the sound I'm after": one question with two or three concrete options, taken from
    /// what the analysis measured when the agent supplied it (tracks furthest from their role's typical tone),
    /// otherwise the moves that most often answer such a complaint, each named with the track it acts on.
    /// </summary>
    private Interpretation VagueQuestion(Turn turn)
    {
        var options = new List<QuestionOption>();
        void Add(string label, string track, ReaderAspect aspect, AspectDirection direction)
        {
            if (options.Count >= 3) return;
            if (Interpret(CanonicalRequest.For(track, aspect, direction, 0.6), turn.Context with { PendingQuestion = null }, turn.Depth + 1) is ToolCallsInterpretation { ChangesSound: true } plan)
                options.Add(new QuestionOption(label, plan.Calls));
        }
        foreach (var hint in (turn.Context.AnalysisHints ?? []).SelectMany(h => h.RegionExcessDb.Select(r => (h.Track, Region: r.Key, Db: r.Value)))
                     .Where(x => Math.Abs(x.Db) >= 3 && CanonicalRequest.RegionAspect(x.Region) is not null).OrderByDescending(x => Math.Abs(x.Db)))
        {
            var aspect = CanonicalRequest.RegionAspect(hint.Region)!.Value;
            var dir = hint.Db > 0 ? AspectDirection.Minus : AspectDirection.Plus;
            Add($"{CanonicalRequest.Describe(aspect, dir)} on {hint.Track} (it measures {Math.Abs(hint.Db):0.#} dB {(hint.Db > 0 ? "above" : "below")} typical there)", hint.Track, aspect, dir);
        }
        var lead = turn.Session.Resolver.Tracks.FirstOrDefault(t => t.Family == "vocals" && !t.Role.IsSupport);
        if (lead is not null) Add($"bring {lead.Name} forward", lead.Name, ReaderAspect.Gain, AspectDirection.Plus);
        Add("less mud: clean up the low mids (250-500 Hz) of the whole mix", ToolCallShapes.MixTarget, ReaderAspect.LowMid, AspectDirection.Minus);
        Add("more clarity: lift the top end (4-16 kHz) of the whole mix", ToolCallShapes.MixTarget, ReaderAspect.High, AspectDirection.Plus);
        return new QuestionInterpretation("I'm not sure what to change yet. Which of these is closest to what bothers you (or tell me in your own words)?", options);
    }
}
