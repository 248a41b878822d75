using Mixwright.Tools.Session;
using System.Text.RegularExpressions;
using Mixwright.Assistant.Agent.Parsing;

namespace Mixwright.Assistant.Agent;

public sealed partial class LocalInterpreter
{
    private static readonly string[] ConfirmPhrases =
    [
        "yes", "yeah", "yep", "yup", "ya", "yea", "sure", "ok", "okay", "k", "kk", "all right", "fine", "good", "great", "cool", "nice",
        "lovely", "perfect", "excellent", "awesome", "brilliant", "sweet", "do it", "do that", "go ahead", "go for it", "go on",
        "apply", "apply it", "apply that", "apply them", "apply this", "apply the change", "apply the changes", "apply the proposal",
        "apply everything", "apply all", "commit", "commit it", "commit that", "sounds good", "sounds great", "looks good",
        "that works", "works for me", "let us do it", "let us do that", "make it so", "ship it", "y", "affirmative", "absolutely",
        "definitely", "of course", "please do", "keep it", "keep that", "keep them", "accept", "accept it", "confirm", "confirmed",
        "that is good", "that is great", "that is perfect", "that is better", "much better", "better", "love it", "i like it",
        "i like that", "do them", "go", "yes please", "lets go", "let us go", "approved", "approve", "correct", "right",
    ];

    private static readonly string[] DeclinePhrases =
    [
        "no", "nope", "nah", "cancel", "cancel that", "cancel it", "discard", "discard it", "discard that", "never mind", "nevermind",
        "forget it", "forget that", "scrap it", "scrap that", "do not", "do not do that", "do not do it", "leave it", "leave it as it is",
        "leave it as is", "skip", "skip it", "skip that", "no thanks", "no thank you", "not that", "i do not like it",
        "i do not like that", "reject", "reject it", "drop it", "not now", "hold off", "no way", "do not apply", "do not apply it",
        "keep it as it is", "keep it as is", "leave as is", "not really", "please do not", "no no",
    ];

    private static readonly string[] PoliteLeadIns =
    [
        "can you", "could you", "would you", "will you", "can u", "could u", "please", "i want you to", "i would like you to",
        "i would like", "i want", "i need", "i think", "maybe", "perhaps", "let us", "kindly", "i would love", "we need",
        "can we", "could we", "we should", "you should", "try to", "try and", "go ahead and", "hey", "hi", "hello", "um", "uh",
        "hmm", "well", "so", "actually", "oh", "ok so", "okay so", "right so",
    ];

    private static readonly HashSet<string> FollowUpLeadIns = ["now", "and", "also", "what about", "how about", "and now", "then", "next"];

    private static readonly Regex ConfirmPattern = WholePhrase(ConfirmPhrases, "(?: (?:please|thanks|thank you|mate|man|then|now|it|that))*");
    private static readonly Regex DeclinePattern = WholePhrase(DeclinePhrases, "(?: (?:please|thanks|thank you|then|for now))*");

    private static Regex WholePhrase(IEnumerable<string> phrases, string tail) =>
        new("^(?:(?:" + string.Join('|', phrases.OrderByDescending(p => p.Length).Select(Regex.Escape)) + ")(?: |$))+" + tail + "$", RegexOptions.Compiled);

    private static readonly Regex UndoPattern = new(@"^(?:undo(?: that| it| this| the last (?:change|one|edit|step|thing)| last| the change| please| that please)?|go back|revert(?: that| it| back| the last change)?|take (?:that|it) back|put it back(?: the way it was| how it was| like it was| as it was| to how it was)?|back to (?:how|the way|what) it was(?: before)?|i liked it better before|that was better before|it was better before|i preferred it before|ctrl z|step back|roll (?:it |that )?back|rollback|reverse that|scratch that|change it back|set it back)$", RegexOptions.Compiled);
    private static readonly Regex UndoStepsPattern = new(@"^(?:undo|revert) (?:the )?(?:last )?(\d+|two|three|four|five) (?:changes|steps|edits|things)$|^undo (twice|two times|three times)$", RegexOptions.Compiled);
    private static readonly Regex RedoPattern = new(@"^(?:redo(?: that| it| please| the last change)?|bring it back|undo the undo|undo that undo|put it back in|actually keep it|re do|do it again after all)$", RegexOptions.Compiled);
    private static readonly Regex HelpPattern = new(@"^(?:help|help me|what can you do|what can i do|what do you do|how does this work|how do i use (?:this|you)|commands|what can i say|what can i ask|options|usage|how do i start|what are my options)$", RegexOptions.Compiled);
    private static readonly Regex GreetingPattern = new(@"^(?:hi|hello|hey|yo|hiya|howdy|good (?:morning|afternoon|evening)|sup|what is up|hey there|hi there|hello there)$", RegexOptions.Compiled);
    private static readonly Regex ThanksPattern = new(@"^(?:thanks|thank you|thx|cheers|great job|nice job|good job|well done|you rock|ta|nice one|brilliant thanks|perfect thanks|thanks a lot)\b", RegexOptions.Compiled);
    private static readonly Regex RenderPattern = new(@"\b(?:render|bounce|export|mixdown|print the mix|write the mix out|write it out)\b", RegexOptions.Compiled);
    private static readonly Regex ComparePattern = new(@"\b(?:compare|a/b|ab it|before and after|difference between|what is the difference|toggle between)\b", RegexOptions.Compiled);
    private static readonly Regex OriginalPattern = new(@"\b(?:original|start|beginning|flat|untouched|unprocessed|raw)\b", RegexOptions.Compiled);
    private static readonly Regex BalancePattern = new(@"\b(?:balance(?: the)?(?: levels| mix| tracks| everything| it)?|rough mix|first mix|static mix|auto ?mix|starting mix|basic mix|quick mix|level everything|set (?:the|all the|all) levels|starting point)\b", RegexOptions.Compiled);
    private static readonly Regex ListPattern = new(@"^(?:what|which) (?:tracks|stems|channels|instruments)\b|\blist (?:the |all |all the )?(?:tracks|stems|channels)\b|\bshow (?:me )?(?:the |all |all the )?(?:tracks|stems)\b|\bwhat is in (?:the|this) session\b|^what do we have\b", RegexOptions.Compiled);
    private static readonly Regex ReferenceWordPattern = new(@"\b(?:reference|ref|reference track|reference mix)\b", RegexOptions.Compiled);
    private static readonly Regex GlossPattern = new(@"^(?:what(?: does| do| is| are)?|define|meaning of|what is meant by|what do you mean by|what does it mean to be|what is a|what is an)\s+(?:the word |the term |a |an )?(.+?)(?: mean| means| sound like| sounds like| mean exactly)?$", RegexOptions.Compiled);
    private static readonly Regex WhatChangedPattern = new(@"\bwhat (?:did|have) you (?:just )?(?:change|changed|do|done|did)\b|\bwhat (?:changed|was changed|just happened)\b|\bwhat was the last change\b|\b(?:show|tell) me (?:the |what )?(?:changes?|you (?:did|changed))\b|\bsummar(?:ize|ise) (?:the )?changes\b|\bwhat have you (?:done|changed)\b", RegexOptions.Compiled);
    private static readonly Regex HistoryPattern = new(@"\bhistory\b|\bwhat have we (?:done|changed)\b|\ball (?:the )?changes\b|\beverything (?:you|we) (?:changed|did)\b", RegexOptions.Compiled);
    private static readonly Regex MeasurePattern = new(@"\bhow loud\b|\bloudness\b|\blufs\b|\bpeaks?\b|\bclipping\b|\bclip\b|\blevels?\b|\bhow hot\b|\bdynamic range\b|\bcrest factor\b|\bspectrum\b|\bfrequency balance\b|\btonal balance\b|\bmeter\b|\btoo (?:loud|quiet|bright|dark|muddy|boomy|harsh|wide|narrow|wet|dry)\b|\bbalanced\b|\bin phase\b|\bmono compatible\b", RegexOptions.Compiled);
    private static readonly Regex AnalyzeVerbPattern = new(@"^(?:analy[sz]e|measure|check|meter|inspect|scan|look at|listen to)\b", RegexOptions.Compiled);
    private static readonly Regex QuestionStartPattern = new(@"^(?:why|what|how|which|where|when|who|whose|am i|can i|could i|should i)\b|^(?:is|are|was|were|does|did|has|have)\b|^do (?:you|i|we|they)\b", RegexOptions.Compiled);
    private static readonly Regex SettingQueryPattern = new(@"\b(?:gain|pan|panned|panning|eq|eqs|eqed|eq'd|reverb|compression|compressor|compressed|width|set|sitting|setting|settings|fader|volume|muted|soloed)\b", RegexOptions.Compiled);
    private static readonly Regex MorePattern = new(@"^(?:(?:a bit|a little|a touch|a tad|a hair|slightly|even|much|a lot|way|some|just a bit|just a little|just a touch|a little bit|bit|little|lots|a whole lot|quite a bit|little bit|tiny bit|a tiny bit) )?(?:more|further|stronger|harder)(?: (?:of (?:that|it|this)|please|than that|like that|again|then|still))*$|^(?:again|do it again|do that again|one more time|same again|keep going|go further|double it|more more|not enough|that is not enough|still not enough|even more please|push it further|go on|a bit more please)$", RegexOptions.Compiled);
    private static readonly Regex LessPattern = new(@"^(?:(?:a bit|a little|a touch|a tad|a hair|slightly|much|a lot|way|just a bit|just a little|just a touch|a little bit|bit|little|tiny bit|a tiny bit|quite a bit) )?(?:less|weaker|softer|gentler|subtler)(?: (?:of (?:that|it|this)|please|than that|then))*$|^(?:too much|that is too much|way too much|that is a bit much|a bit much|bit much|not so much|not that much|back (?:it |that )?off|tone it down|dial it back|too far|that is too far|halfway|half|halve it|overdone|that is overdone|too strong|that is too strong|a bit too much|a little too much|slightly too much|pull it back|ease off|ease up)$", RegexOptions.Compiled);

    private Interpretation InterpretTurn(Turn turn)
    {
        var ctx = turn.Context;
        if (turn.Tokens.Count == 0) return Help();

        if (ctx.PendingQuestion is { } question && TryAnswer(turn, question) is { } answer) return answer;

        var tokens = StripLeadIns(turn.Tokens, out bool confirmLead, out bool declineLead, out bool followUpLead);
        string s = Words(tokens);

        if (ConfirmPattern.IsMatch(s)) return Commit(ctx, null);
        if (DeclinePattern.IsMatch(s)) return Discard(ctx);
        if (ctx.PendingProposal is not null && TryFilteredCommit(turn, tokens, s, confirmLead) is { } filtered) return filtered;

        // Tagged once: the rules and the learned reader read the same items.
        var items = turn.Session.Tagger.Tag(tokens);
        var result = InterpretRequest(turn, tokens, items, s, followUpLead);
        // The learned reader reads every request the exact patterns above did not settle.
        if (Read(turn, tokens, items) is { } read)
            result = Reconcile(turn, tokens, s, items, followUpLead, result, read.Reading, read.Mentions);
        if (declineLead && ctx.PendingProposal is not null && result is ToolCallsInterpretation { ChangesSound: true } change
            && change.Calls.FirstOrDefault()?.Name != ToolNames.Discard)
            return new ToolCallsInterpretation([ToolCall.Create(ToolNames.Discard), .. change.Calls], "drop the proposal; " + change.Summary);
        return result;
    }

    private Interpretation InterpretRequest(Turn turn, List<Token> tokens, List<Item> items, string s, bool followUpLead)
    {
        var ctx = turn.Context;
        if (UndoStepsPattern.Match(s) is { Success: true } steps) return Undo(ctx, ParseCount(steps.Groups[1].Success ? steps.Groups[1].Value : steps.Groups[2].Value));
        if (UndoPattern.IsMatch(s)) return Undo(ctx, 1);
        if (RedoPattern.IsMatch(s)) return Calls(ToolCall.Create(ToolNames.Redo));
        if (HelpPattern.IsMatch(s)) return Help();
        if (GreetingPattern.IsMatch(s)) return new ReplyInterpretation("Hi! Tell me what you'd like to hear: \"the vocal is too quiet\", \"less boomy kick\", \"pan the guitars apart\"...", ReplyKind.SmallTalk);
        if (ThanksPattern.IsMatch(s)) return new ReplyInterpretation("You're welcome. What next?", ReplyKind.SmallTalk);
        if (MixCheckIntents.Match(s) is { } check) return Calls(check);

        // "What about the piano?" is a follow-up, not a question, once its lead-in is gone.
        bool question = QuestionStartPattern.IsMatch(s) || (turn.EndsWithQuestionMark && !followUpLead);
        if (WhatChangedPattern.IsMatch(s)) return Calls(ToolCall.Create(ToolNames.Explain, new ExplainArgs(About: "last_change")));
        if (HistoryPattern.IsMatch(s)) return Calls(ToolCall.Create(ToolNames.Explain, new ExplainArgs(About: "history")));

        if (RenderPattern.IsMatch(s))
        {
            string? path = tokens.FirstOrDefault(t => t.Kind == TokenKind.Reference)?.Original;
            return Calls(ToolCall.Create(ToolNames.Render, new RenderArgs(path)));
        }
        if (ComparePattern.IsMatch(s))
            return Calls(ToolCall.Create(ToolNames.Compare, new CompareArgs(OriginalPattern.IsMatch(s) ? "initial" : "previous")));
        if (ListPattern.IsMatch(s)) return Calls(ToolCall.Create(ToolNames.ListTracks));
        if (tokens.Any(t => t.Kind == TokenKind.Reference) || (ReferenceWordPattern.IsMatch(s) && !question)
            || (!question && turn.Context.References is { Count: > 0 } && ReferenceRequestWords.IsFollowUp(turn.Text)))
            return Reference(turn, tokens, items);
        if (!question && BalancePattern.IsMatch(s) && !items.Any(i => i.Kind == ItemKind.Quality && i.Quality!.Kind == QualityKind.Descriptor))
            return Calls(ToolCall.Create(ToolNames.BalanceLevels));

        if (question || AnalyzeVerbPattern.IsMatch(s))
            if (AnswerQuestion(turn, tokens, s, items, question) is { } answer) return answer;

        // Follow-ups may come in pieces: "that's too much, back it off".
        var fragments = Fragments(tokens);
        if (fragments.All(f => MorePattern.IsMatch(f))) return ScaleLast(ctx, items, more: true);
        if (fragments.All(f => LessPattern.IsMatch(f) || f is "that is" or "hmm" or "ok" or "okay" or "no")) return ScaleLast(ctx, items, more: false);

        return InterpretChanges(turn, tokens, items, followUpLead, s);
    }

    // ---------------------------------------------------------------- lead-ins

    /// <summary>
    /// Removes politeness and interjections in front of the request ("could you please", "hmm", "nah,"),
    /// noting whether they confirmed, declined or continued the conversation ("now", "and", "what about").
    /// A lone "yes"/"no" stays: it is the whole answer. Short words that can also be content ("no", "right",
    /// "good") only count as interjections when a comma follows.
    /// </summary>
    private static List<Token> StripLeadIns(List<Token> tokens, out bool confirmLead, out bool declineLead, out bool followUpLead)
    {
        confirmLead = declineLead = followUpLead = false;
        var rest = tokens.ToList();
        while (true)
        {
            while (rest.Count > 0 && rest[0].Kind == TokenKind.Punct) rest.RemoveAt(0);
            var hit = LeadInTable.FirstOrDefault(entry => StartsWith(rest, entry.Words));
            if (hit.Words is null) break;
            int n = hit.Words.Length;
            bool nothingFollows = rest.Skip(n).All(t => t.Kind == TokenKind.Punct);
            if (nothingFollows) break;
            bool commaFollows = rest[n].Kind == TokenKind.Punct;
            if (hit.Kind is 'y' or 'n' && !commaFollows && !UnambiguousInterjections.Contains(hit.Phrase)) break;
            rest.RemoveRange(0, n);
            if (hit.Kind == 'y') confirmLead = true;
            if (hit.Kind == 'n') declineLead = true;
            if (hit.Kind == 'f') followUpLead = true;
        }
        return rest;
    }

    private static bool StartsWith(List<Token> tokens, string[] words)
    {
        if (words.Length > tokens.Count) return false;
        for (int i = 0; i < words.Length; i++) if (!tokens[i].IsWord(words[i])) return false;
        return true;
    }

    private static readonly HashSet<string> UnambiguousInterjections = ["yeah", "yep", "nope", "nah", "no no", "hmm no", "okay so", "ok so"];

    private static readonly List<(string Phrase, string[] Words, char Kind)> LeadInTable =
        PoliteLeadIns.Select(p => (p, 'p'))
            .Concat(FollowUpLeadIns.Select(p => (p, 'f')))
            .Concat(new[] { "yes", "yeah", "yep", "ok", "okay", "sure", "cool", "great", "perfect", "nice", "good", "all right", "right" }.Select(p => (p, 'y')))
            .Concat(new[] { "no", "nope", "nah", "hmm no", "no no" }.Select(p => (p, 'n')))
            .Select(p => (p.Item1, p.Item1.Split(' '), p.Item2))
            .OrderByDescending(p => p.Item2.Length)
            .ToList();

    private static string Words(IEnumerable<Token> tokens) =>
        string.Join(' ', tokens.Where(t => t.Kind != TokenKind.Punct).Select(t => t.Kind == TokenKind.Reference ? "reference-file" : t.Text));

    private static List<string> Fragments(List<Token> tokens)
    {
        var fragments = new List<string>();
        var current = new List<Token>();
        foreach (var t in tokens.Append(new Token(",", TokenKind.Punct)))
        {
            if (t.Kind == TokenKind.Punct) { if (current.Count > 0) fragments.Add(Words(current)); current = []; }
            else current.Add(t);
        }
        return fragments;
    }

    private static int ParseCount(string s) => s switch
    {
        "two" or "twice" or "two times" => 2, "three" or "three times" => 3, "four" => 4, "five" => 5,
        _ => int.TryParse(s, out int n) ? Math.Clamp(n, 1, 50) : 1,
    };

    // ---------------------------------------------------------------- confirmation, undo, help

    private static Interpretation Commit(InterpreterContext ctx, IReadOnlyList<string>? tracks)
    {
        if (ctx.PendingProposal is null)
            return new ReplyInterpretation("There's nothing waiting for confirmation. Tell me what to change.", ReplyKind.Unable);
        var call = ToolCall.Create(ToolNames.Commit, new CommitArgs(tracks));
        return new ToolCallsInterpretation([call], CallDescriber.Describe(call));
    }

    private static Interpretation Discard(InterpreterContext ctx) =>
        ctx.PendingProposal is null
            ? new ReplyInterpretation("OK, nothing changed.", ReplyKind.SmallTalk)
            : Calls(ToolCall.Create(ToolNames.Discard));

    private static Interpretation Undo(InterpreterContext ctx, int steps)
    {
        if (ctx.PendingProposal is not null && steps == 1) return Calls(ToolCall.Create(ToolNames.Discard));
        return Calls(ToolCall.Create(ToolNames.Undo, new HistoryStepArgs(steps > 1 ? steps : null)));
    }

    private static Interpretation Help() => new ReplyInterpretation(
        "Describe the sound you want and I'll propose console moves you can confirm. For example: \"the vocal is too quiet\", " +
        "\"less boomy kick\", \"pan the guitars apart\", \"more reverb on the snare\", \"make the mix warmer\", " +
        "\"make it sound like ref.wav\". Then say \"yes\", \"a bit less\", \"only the vocal part\" or \"undo\". " +
        "Ask \"why is the bass panned left?\" or \"how loud is the mix?\" any time.", ReplyKind.Help);

    private static ToolCallsInterpretation Calls(params ToolCall[] calls) => new(calls, CallDescriber.Summarize(calls));

    /// <summary>"Apply only the vocal part", "yes but not the bass", "just the piano".</summary>
    private Interpretation? TryFilteredCommit(Turn turn, List<Token> tokens, string s, bool confirmLead)
    {
        bool include = Regex.IsMatch(s, @"\b(?:only|just)\b");
        bool exclude = Regex.IsMatch(s, @"\b(?:except|but not|not|without|leave out|skip|minus|apart from)\b");
        if (!include && !exclude) return null;
        bool commitWords = confirmLead || Regex.IsMatch(s, @"^(?:apply|commit|keep|accept|confirm|do|use|yes|yeah|ok|okay|sure|only|just)\b");
        if (!commitWords) return null;
        var items = turn.Session.Tagger.Tag(tokens);
        if (items.Any(i => i.Kind == ItemKind.Quality)) return null;
        var pendingTracks = turn.Context.PendingProposal!.Tracks;
        var named = new List<string>();
        foreach (var item in items.Where(i => i.Kind == ItemKind.Mention))
        {
            var m = item.Mention!;
            if (m.Kind == TrackPhraseKind.Mix) { named.Add(ToolCallShapes.MixTarget); continue; }
            var inPending = m.Explained.Where(t => pendingTracks.Contains(t.Name)).Select(t => t.Name).ToList();
            named.AddRange(inPending.Count > 0 ? inPending : m.Candidates.Select(t => t.Name));
        }
        if (named.Count == 0) return null;
        var keep = include && !exclude ? pendingTracks.Where(named.Contains).ToList() : pendingTracks.Where(t => !named.Contains(t)).ToList();
        if (keep.Count == 0)
            return new ReplyInterpretation($"The proposal doesn't change {string.Join(" or ", named)}; say \"yes\" to apply all of it or \"no\" to drop it.", ReplyKind.Unable);
        return Commit(turn.Context, keep);
    }

    // ---------------------------------------------------------------- references

    private Interpretation Reference(Turn turn, List<Token> tokens, List<Item> items)
    {
        string? path = tokens.FirstOrDefault(t => t.Kind == TokenKind.Reference)?.Original ?? turn.Context.References?.LastOrDefault();
        if (path is null)
            return new QuestionInterpretation("Which reference file should I match? Give me its path, for example ref.wav.", []);
        var targets = items.Where(i => i.Kind == ItemKind.Mention && i.Mention!.Kind == TrackPhraseKind.Tracks)
            .Select(i => turn.Session.Resolver.Resolve(i.Mention!, false, false, null, null))
            .Where(r => !r.IsAmbiguous).SelectMany(r => r.Tracks).Select(t => t.Name).Distinct().ToList();
        var part = ReferenceRequestWords.Read(turn.Text);   // "only the EQ", "halfway", "30 %"
        if (targets.Count == 0) return Calls(ToolCall.Create(ToolNames.MatchReference, new MatchReferenceArgs(path, null, part.Only, part.AmountPercent)));
        return Calls(targets.Select(t => ToolCall.Create(ToolNames.MatchReference, new MatchReferenceArgs(path, t, part.Only, part.AmountPercent))).ToArray());
    }

    // ---------------------------------------------------------------- questions

    private Interpretation? AnswerQuestion(Turn turn, List<Token> tokens, string s, List<Item> items, bool question)
    {
        if (question && GlossPattern.Match(s) is { Success: true } gloss && _descriptors.Lookup(gloss.Groups[1].Value) is { } word)
        {
            var d = word.Descriptor;
            string readings = d.IsAmbiguous ? $" It can mean {string.Join(", or ", d.Alternatives.Select(a => a.Label))}, so I'll ask which you mean when it matters." : "";
            string opposite = d.Opposite is null ? "" : $" The opposite is \"{d.Opposite}\".";
            return new ReplyInterpretation($"\"{d.Word}\": {d.Gloss}.{readings}{opposite}", ReplyKind.Answer);
        }

        var tracks = items.Where(i => i.Kind == ItemKind.Mention && i.Mention!.Kind == TrackPhraseKind.Tracks)
            .Select(i => turn.Session.Resolver.Resolve(i.Mention!, false, false, null, null))
            .Where(r => !r.IsAmbiguous).SelectMany(r => r.Tracks).Select(t => t.Name).Distinct().ToList();
        bool mix = items.Any(i => i.Kind == ItemKind.Mention && i.Mention!.Kind == TrackPhraseKind.Mix);

        if (s.StartsWith("why", StringComparison.Ordinal))
        {
            string? parameter = ParameterOf(items, s);
            if (tracks.Count == 0)
                return Calls(ToolCall.Create(ToolNames.Explain, new ExplainArgs(mix ? ToolCallShapes.MixTarget : null, mix ? parameter : null, mix ? null : "last_change")));
            return Calls(tracks.Select(t => ToolCall.Create(ToolNames.Explain, new ExplainArgs(t, parameter))).ToArray());
        }
        if (MeasurePattern.IsMatch(s) || AnalyzeVerbPattern.IsMatch(s) || (question && Regex.IsMatch(s, @"^(?:is|are|does|do|should)\b")))
        {
            if (tracks.Count == 0) return Calls(ToolCall.Create(ToolNames.AnalyzeMix));
            return Calls(tracks.Select(t => ToolCall.Create(ToolNames.AnalyzeTrack, new TrackArgs(t))).ToArray());
        }
        if (question && SettingQueryPattern.IsMatch(s) && (tracks.Count > 0 || mix))
        {
            string? parameter = ParameterOf(items, s);
            if (tracks.Count == 0) return Calls(ToolCall.Create(ToolNames.Explain, new ExplainArgs(ToolCallShapes.MixTarget, parameter)));
            return Calls(tracks.Select(t => ToolCall.Create(ToolNames.Explain, new ExplainArgs(t, parameter))).ToArray());
        }
        if (question && tracks.Count > 0)
            return Calls(tracks.Select(t => ToolCall.Create(ToolNames.Explain, new ExplainArgs(t, ParameterOf(items, s)))).ToArray());
        if (question && !Regex.IsMatch(s, @"^(?:can|could|would|will)\b"))
            return new ReplyInterpretation(
                "I can explain why a setting is what it is (\"why is the bass panned left?\"), say what changed, or measure a track or the mix (\"how loud is the mix?\").",
                ReplyKind.Unable);
        return null;
    }

    /// <summary>Which console parameter a question is about, from its words.</summary>
    private static string? ParameterOf(List<Item> items, string s)
    {
        if (Regex.IsMatch(s, @"\b(?:pan|panned|panning|left|right|center|centered)\b")) return "pan";
        if (Regex.IsMatch(s, @"\b(?:mute|muted)\b")) return "mute";
        if (Regex.IsMatch(s, @"\b(?:solo|soloed)\b")) return "solo";
        if (Regex.IsMatch(s, @"\b(?:wide|wider|narrow|width|mono|stereo)\b")) return "width";
        foreach (var item in items.Where(i => i.Kind == ItemKind.Quality))
        {
            var q = item.Quality!;
            switch (q.Kind)
            {
                case QualityKind.Level: return "gain";
                case QualityKind.Reverb or QualityKind.Decay: return "reverb";
                case QualityKind.Compression: return "compressor";
                case QualityKind.Descriptor:
                    var moves = q.Descriptor!.Descriptor.IsAmbiguous ? q.Descriptor.Descriptor.Alternatives[0].Moves : q.Descriptor.Descriptor.MovesFor();
                    if (moves.Eq.Length > 0) return "eq";
                    if (moves.ReverbSendDb != 0) return "reverb";
                    if (moves.CompressionSteps != 0) return "compressor";
                    if (moves.Width != 0) return "width";
                    if (moves.GainDb != 0) return "gain";
                    break;
            }
        }
        if (Regex.IsMatch(s, @"\b(?:eq|eqed|cut|boost|lows|highs|mids|frequency|frequencies|hz)\b")) return "eq";
        if (Regex.IsMatch(s, @"\b(?:loud|quiet|level|gain|volume|fader|louder|quieter)\b")) return "gain";
        if (Regex.IsMatch(s, @"\b(?:reverb|wet|dry|verb|room)\b")) return "reverb";
        if (Regex.IsMatch(s, @"\b(?:compress\w*|squash\w*|limit\w*)\b")) return "compressor";
        return null;
    }

    // ---------------------------------------------------------------- answering a pending question

    private Interpretation? TryAnswer(Turn turn, QuestionInterpretation question)
    {
        if (question.Options.Count == 0) return null;
        string s = Words(turn.Tokens);
        QuestionOption? chosen = null;

        var ordinal = Regex.Match(s, @"^(?:the |option |number )?(first|1|one|second|2|two|third|3|three|fourth|4|last)(?: one| option)?(?: please)?$");
        if (ordinal.Success)
        {
            int index = ordinal.Groups[1].Value switch
            {
                "first" or "1" or "one" => 0, "second" or "2" or "two" => 1, "third" or "3" or "three" => 2, "fourth" or "4" => 3,
                _ => question.Options.Count - 1,
            };
            if (index < question.Options.Count) chosen = question.Options[index];
        }
        if (chosen is null && Regex.IsMatch(s, @"^(?:both|all|all of them|both of them|either|each|every one|all three|everything)(?: please)?$"))
            chosen = question.Options.FirstOrDefault(o => o.Label.StartsWith("both", StringComparison.Ordinal) || o.Label.StartsWith("all", StringComparison.Ordinal));

        if (chosen is null)
        {
            var items = turn.Session.Tagger.Tag(turn.Tokens);
            var mentioned = new HashSet<string>(StringComparer.Ordinal);
            bool mixNamed = false;
            foreach (var item in items.Where(i => i.Kind == ItemKind.Mention))
            {
                if (item.Mention!.Kind == TrackPhraseKind.Mix) mixNamed = true;
                foreach (var t in item.Mention.Explained) mentioned.Add(t.Name);
            }
            var byTrack = question.Options.Where(o => mentioned.Contains(o.Label) || (mixNamed && o.Label == "the whole mix")).ToList();
            bool aboutTracks = question.Options.Any(o => turn.Session.Resolver.ByName(o.Label) is not null);
            if (byTrack.Count == 1) chosen = byTrack[0];
            else if (!aboutTracks)
            {
                // Readings of a word: the option sharing the most words with the answer.
                var answerWords = s.Split(' ').Where(w => w.Length > 2 && w is not "the" and not "and" and not "more" and not "less").Select(Stem).ToHashSet();
                var scored = question.Options.Select(o => (o, Score: o.Label.Split(' ', '-').Select(Stem).Count(answerWords.Contains))).ToList();
                int best = scored.Max(x => x.Score);
                if (best > 0 && scored.Count(x => x.Score == best) == 1) chosen = scored.First(x => x.Score == best).o;
            }
        }
        if (chosen is null) return null;
        if (chosen.Calls.Count > 0) return new ToolCallsInterpretation(chosen.Calls, CallDescriber.Summarize(chosen.Calls));
        if (chosen.ResumeText is { } resume && turn.Depth < MaxNesting)
            return Interpret(resume, turn.Context with { PendingQuestion = null }, turn.Depth + 1);
        return null;
    }

    private static string Stem(string w) => w.TrimEnd('s').Replace("ier", "y").Replace("er", "");
}
