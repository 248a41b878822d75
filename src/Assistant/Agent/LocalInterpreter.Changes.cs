using Mixwright.Tools.Session;
using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent.Parsing;
using Mixwright.Embeddings.Descriptors;

namespace Mixwright.Assistant.Agent;

public sealed partial class LocalInterpreter
{
    // ---------------------------------------------------------------- follow-ups on the last change

    /// <summary>
    /// "More" / "a bit less". With a proposal pending it is redone bigger or smaller (discard, then the new
    /// calls); after a committed change the same move is made again, or partly taken back.
    /// </summary>
    private Interpretation ScaleLast(InterpreterContext ctx, List<Item> items, bool more)
    {
        double intensity = items.FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity ?? _intensities.DefaultIntensity;
        double relative = intensity / _intensities.DefaultIntensity;
        if (ctx.PendingProposal is { } pending)
        {
            double factor = more ? 1 + relative : Math.Max(0.15, 1 - 0.5 * relative);
            var scaled = pending.Calls.Select(c => FollowUps.Scale(c, factor) ?? (more ? null : c)).OfType<ToolCall>().ToList();
            if (scaled.Count == 0) return CannotScale();
            return new ToolCallsInterpretation([ToolCall.Create(ToolNames.Discard), .. scaled], "redo the proposal: " + CallDescriber.Summarize(scaled));
        }
        if (ctx.LastChange is { } last)
        {
            double factor = more ? relative : -0.5 * relative;
            var scaled = last.Calls.Select(c => FollowUps.Scale(c, factor)).OfType<ToolCall>().ToList();
            if (scaled.Count == 0) return CannotScale();
            return new ToolCallsInterpretation(scaled, CallDescriber.Summarize(scaled));
        }
        return new QuestionInterpretation(more ? "More of what? Tell me the track and what to change." : "Less of what? Tell me the track and what to change.", []);
    }

    private static ReplyInterpretation CannotScale() =>
        new("That change set exact values, so there's nothing to scale; tell me the new value or how much more.", ReplyKind.Unable);

    /// <summary>"Same for the guitars": the last change (or the pending proposal) aimed at other tracks.</summary>
    private static Interpretation SameFor(InterpreterContext ctx, IReadOnlyList<BoundTarget> targets)
    {
        var source = ctx.PendingProposal ?? ctx.LastChange;
        if (source is null)
            return new QuestionInterpretation($"What should I change on {string.Join(" and ", targets.Select(t => t.IsMix ? "the mix" : t.Name))}?", []);
        var calls = FollowUps.RetargetAll(source.Calls.Where(c => ToolNames.Changing.Contains(c.Name)), targets.Select(t => t.Name));
        if (calls.Count == 0)
            return new ReplyInterpretation("That change can't be made on the master bus; name a track instead.", ReplyKind.Unable);
        return new ToolCallsInterpretation(calls, CallDescriber.Summarize(calls));
    }

    /// <summary>"Not the bass": drop those tracks from the pending proposal, or take the last change back on them.</summary>
    private static Interpretation Without(InterpreterContext ctx, IReadOnlyList<BoundTarget> excluded)
    {
        var names = excluded.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        if (ctx.PendingProposal is { } pending)
        {
            var kept = pending.Calls.Where(c => !names.Contains(c.Track ?? ToolCallShapes.MixTarget)).ToList();
            if (kept.Count == pending.Calls.Count)
                return new ReplyInterpretation($"The proposal doesn't touch {string.Join(" or ", names)}.", ReplyKind.Unable);
            return new ToolCallsInterpretation([ToolCall.Create(ToolNames.Discard), .. kept],
                kept.Count == 0 ? "drop the proposal" : "redo the proposal without " + string.Join(", ", names) + ": " + CallDescriber.Summarize(kept));
        }
        if (ctx.LastChange is { } last)
        {
            var reversed = last.Calls.Where(c => names.Contains(c.Track ?? ToolCallShapes.MixTarget)).Select(c => FollowUps.Scale(c, -1)).OfType<ToolCall>().ToList();
            if (reversed.Count > 0) return new ToolCallsInterpretation(reversed, "take the last change back on " + string.Join(", ", names) + ": " + CallDescriber.Summarize(reversed));
        }
        return new ReplyInterpretation($"There's no change on {string.Join(" or ", names)} to leave out.", ReplyKind.Unable);
    }

    // ---------------------------------------------------------------- change requests

    /// <summary>A request read into clauses, ready to be bound to tracks (possibly several times, for question options).</summary>
    private sealed record Parsed(Turn Turn, List<Token> Tokens, List<Item> Items, List<Clause> Clauses);

    /// <summary>
    /// Answers given in advance while building a question's options: which tracks an ambiguous phrase
    /// means, which target a request with none goes to, which reading an ambiguous word has. With
    /// <see cref="ForOption"/> a further ambiguity yields no calls instead of another question.
    /// </summary>
    private sealed record Choices(
        IReadOnlyDictionary<Mention, IReadOnlyList<TrackProfile>>? Mentions = null,
        BoundTarget? DefaultTarget = null,
        IReadOnlyDictionary<string, string>? Variants = null,
        bool ForOption = false)
    {
        public static Choices None { get; } = new();

        public Choices WithMention(Mention m, IReadOnlyList<TrackProfile> tracks) =>
            this with { Mentions = new Dictionary<Mention, IReadOnlyList<TrackProfile>>(Mentions ?? new Dictionary<Mention, IReadOnlyList<TrackProfile>>()) { [m] = tracks }, ForOption = true };

        public Choices WithVariant(string word, string variant) =>
            this with { Variants = new Dictionary<string, string>(Variants ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [word] = variant }, ForOption = true };
    }

    private Interpretation InterpretChanges(Turn turn, List<Token> tokens, List<Item> items, bool followUpLead, string s)
    {
        var ctx = turn.Context;
        var session = turn.Session;
        var clauses = new List<Clause>();
        var mode = ClauseMode.None;
        IReadOnlyList<Quality> previousQualities = [];
        foreach (var clauseItems in ClauseSplitter.Split(items))
        {
            var clause = session.Analyzer.Analyze(clauseItems, mode, previousQualities);
            mode = clause.Mode;
            var qualities = clause.Items.Where(i => i.Kind == ItemKind.Quality).Select(i => i.Quality!).ToList();
            if (qualities.Count > 0) previousQualities = qualities;
            clauses.Add(clause);
        }
        ShareTargetsAndIntents(clauses);
        var parsed = new Parsed(turn, tokens, items, clauses);

        // Exclusion follow-up: "not the bass", "leave the piano out".
        if (clauses.All(c => !c.HasChanges) && (ctx.PendingProposal ?? ctx.LastChange) is not null
            && System.Text.RegularExpressions.Regex.IsMatch(s, @"^(?:but )?(?:not|except|without|leave out|leave|skip|minus|apart from|no)\b"))
        {
            var excluded = clauses.SelectMany(c => c.Targets.Concat(c.Exclusions)).Select(t => session.Resolver.Resolve(t.Mention, false, true, null, null))
                .SelectMany(r => r.Tracks).Select(t => new BoundTarget(t)).Distinct().ToList();
            if (excluded.Count > 0) return Without(ctx, excluded);
        }

        if (clauses.Any(c => c.HasChanges)) return BuildCalls(parsed, Choices.None);

        if (clauses.SelectMany(c => c.Intents).OfType<PraiseIntent>().FirstOrDefault() is { } praised)
            return new ReplyInterpretation($"Glad you like it ({praised.Word}); I'll leave it as it is.", ReplyKind.SmallTalk);
        var targetClauses = clauses.Where(c => c.HasTargets).ToList();
        if (targetClauses.Count == 0)
            return new ReplyInterpretation(
                "I didn't catch what to change. Try naming a track and a sound, like \"the kick is boomy\" or \"vocals up 2 dB\".", ReplyKind.Unable);

        // Only tracks named: "same for the snare", "the bass as well", "now the piano".
        var bound = new List<BoundTarget>();
        foreach (var c in targetClauses)
        {
            var b = Bind(parsed, c, Choices.None, out var ambiguity);
            if (ambiguity is { } a)
            {
                var options = a.Candidates.Select(t => OptionFor(turn, t.Name, Rebuild(tokens, a.Mention.Start, a.Mention.Length, t.Name))).ToList();
                return new QuestionInterpretation($"Which {a.Mention.Text} do you mean: {JoinOr(a.Candidates.Select(t => t.Name).ToList())}?", options);
            }
            bound.AddRange(b);
        }
        bool followUp = followUpLead || clauses.Any(c => c.HasFollowUpMarker) || s.StartsWith("same", StringComparison.Ordinal)
            || s.StartsWith("do the same", StringComparison.Ordinal) || s.StartsWith("what about", StringComparison.Ordinal);
        if (followUp || (ctx.LastChange ?? ctx.PendingProposal) is not null) return SameFor(ctx, bound.Distinct().ToList());
        return new QuestionInterpretation($"What should I change on {string.Join(" and ", bound.Select(b => b.IsMix ? "the mix" : b.Name))}?", []);
    }

    /// <summary>Binds every change clause to its targets and builds the calls, or asks the one question that is open.</summary>
    private Interpretation BuildCalls(Parsed parsed, Choices choices)
    {
        var ctx = parsed.Turn.Context;
        var builder = new ToolCallBuilder(_descriptors, ctx);
        var calls = new List<ToolCall>();
        var open = new List<OpenVariant>();
        foreach (var clause in parsed.Clauses.Where(c => c.HasChanges))
        {
            var targets = Bind(parsed, clause, choices, out var ambiguity);
            if (ambiguity is { } a) return choices.ForOption ? Unresolved : AskWhichOfMention(parsed, choices, a.Mention, a.Candidates);
            // The reverb decay and the master's loudness belong to no track.
            if (targets.Count == 0 && clause.Intents.All(i => i is DecayIntent or MasterIntent or PraiseIntent)) targets = [BoundTarget.Mix];
            if (targets.Count == 0 && choices.DefaultTarget is { } fallback) targets = [fallback];
            if (targets.Count == 0) return choices.ForOption ? Unresolved : AskWhichTrack(parsed, choices);
            foreach (var intent in clause.Intents)
                for (int i = 0; i < targets.Count; i++)
                {
                    var localOpen = new List<OpenVariant>();
                    calls.AddRange(builder.Build(intent, targets[i], i, targets.Count, localOpen));
                    foreach (var o in localOpen)
                    {
                        if (choices.Variants is not null && choices.Variants.TryGetValue(o.Descriptor.Word, out string? variant) && intent is DescriptorIntent d)
                            calls.Add(ToolCallBuilder.Descriptor(o.Target.Name, o.Descriptor.Word, d.Intensity, d.Negate, variant));
                        else open.Add(o);
                    }
                }
        }
        if (open.Count > 0) return choices.ForOption ? Unresolved : AskWhichReading(parsed, choices, open[0]);

        calls = Deduplicate(calls);
        if (calls.Count == 0)
            return new ReplyInterpretation("That can't be done on the master bus (pan, mute and solo are per track); name a track.", ReplyKind.Unable);
        return new ToolCallsInterpretation(calls, CallDescriber.Summarize(calls));
    }

    /// <summary>What an option that still leaves something open builds to: no calls; the option's resume text takes over.</summary>
    private static readonly QuestionInterpretation Unresolved = new("", []);

    /// <summary>
    /// Lets clauses lend each other what they leave out: "make the pad quieter and darker" (the second
    /// clause takes the pad), "brighten the piano and the pad too" (the second takes "brighten").
    /// </summary>
    private static void ShareTargetsAndIntents(List<Clause> clauses)
    {
        for (int i = 0; i + 1 < clauses.Count; i++)
            if (!clauses[i].HasChanges && clauses[i].HasTargets && clauses[i + 1].HasChanges && !clauses[i + 1].HasTargets)
                clauses[i + 1].InheritTargets(clauses[i]);
        for (int i = 1; i < clauses.Count; i++)
        {
            bool lendsToNext = i + 1 < clauses.Count && clauses[i + 1].HasChanges && !clauses[i + 1].HasTargets;
            if (!clauses[i].HasChanges && clauses[i].HasTargets && clauses[i - 1].HasChanges && !lendsToNext)
                clauses[i].Intents.AddRange(clauses[i - 1].Intents.Where(x => x is not PraiseIntent));
        }
        for (int i = 0; i < clauses.Count; i++)
        {
            if (!clauses[i].HasChanges || clauses[i].HasTargets) continue;
            var from = clauses.Take(i).LastOrDefault(c => c.HasTargets) ?? clauses.Skip(i + 1).FirstOrDefault(c => c.HasTargets);
            if (from is not null) clauses[i].InheritTargets(from);
        }
    }

    /// <summary>
    /// The tracks a clause acts on. Returns an empty list when it names none and the conversation gives
    /// none either; reports a phrase that fits several tracks equally in <paramref name="ambiguity"/>.
    /// </summary>
    private List<BoundTarget> Bind(Parsed parsed, Clause clause, Choices choices, out (Mention Mention, IReadOnlyList<TrackProfile> Candidates)? ambiguity)
    {
        ambiguity = null;
        var resolver = parsed.Turn.Session.Resolver;
        var ctx = parsed.Turn.Context;
        var lastTracks = (ctx.LastChange?.Tracks ?? []).ToHashSet(StringComparer.Ordinal);

        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ex in clause.Exclusions)
            foreach (var t in resolver.Resolve(ex.Mention, false, true, ex.Ordinal, null).Tracks) excluded.Add(t.Name);

        var result = new List<BoundTarget>();
        if (clause.AllTracksTarget || (clause.MixTarget && excluded.Count > 0))
            result.AddRange(resolver.Tracks.Select(t => new BoundTarget(t)));
        else if (clause.MixTarget)
            result.Add(BoundTarget.Mix);

        foreach (var target in clause.Targets)
        {
            if (choices.Mentions is not null && choices.Mentions.TryGetValue(target.Mention, out var chosen))
            {
                result.AddRange(chosen.Select(t => new BoundTarget(t)));
                continue;
            }
            var resolution = resolver.Resolve(target.Mention, target.AllQuantifier, false, target.Ordinal, target.Other ? lastTracks : null);
            if (resolution.IsAmbiguous)
            {
                ambiguity = (target.Mention, resolution.Tracks);
                return [];
            }
            result.AddRange(resolution.Tracks.Select(t => new BoundTarget(t)));
        }
        result.AddRange(clause.PositionalTargets.Select(t => new BoundTarget(t)));

        if (result.Count == 0 && choices.DefaultTarget is null)
        {
            // No track named: the conversation's current subject, if there is one.
            var subject = ctx.PendingProposal?.Tracks ?? ctx.LastChange?.Tracks ?? [];
            foreach (string name in subject)
            {
                if (name == ToolCallShapes.MixTarget) result.Add(BoundTarget.Mix);
                else if (resolver.ByName(name) is { } t) result.Add(new BoundTarget(t));
            }
        }
        return result.Where(t => t.IsMix || !excluded.Contains(t.Name)).Distinct().ToList();
    }

    private static List<ToolCall> Deduplicate(List<ToolCall> calls)
    {
        // The same control asked twice in one request ("the mix is too loud, bring the master down"): keep the later ask.
        var keys = calls.Select(c =>
        {
            var args = c.Arguments.Select(p => p.Key).Where(k => k is not ("delta_db" or "gain_db" or "output_gain_db" or "output_gain_delta_db" or "intensity" or "negate"));
            return c.Name + "|" + c.Track + "|" + string.Join(',', args.Order(StringComparer.Ordinal)) + "|" + (c.Name == ToolNames.ApplyDescriptor ? c.GetString("descriptor") : "");
        }).ToList();
        var result = new List<ToolCall>();
        for (int i = 0; i < calls.Count; i++)
            if (keys.LastIndexOf(keys[i]) == i) result.Add(calls[i]);
        return result;
    }

    // ---------------------------------------------------------------- clarifying questions

    private QuestionInterpretation AskWhichOfMention(Parsed parsed, Choices choices, Mention mention, IReadOnlyList<TrackProfile> candidates)
    {
        var options = new List<QuestionOption>();
        foreach (var track in candidates)
            options.Add(Option(parsed, choices.WithMention(mention, [track]), track.Name, Rebuild(parsed.Tokens, mention.Start, mention.Length, track.Name)));
        string all = candidates.Count == 2 ? "both" : $"all {candidates.Count}";
        options.Add(Option(parsed, choices.WithMention(mention, candidates), all,
            Rebuild(parsed.Tokens, mention.Start, mention.Length, string.Join(" and ", candidates.Select(c => c.Name)))));
        return new QuestionInterpretation($"Which {mention.Text} do you mean: {JoinOr(candidates.Select(c => c.Name).ToList())}, or {all}?", options);
    }

    private QuestionInterpretation AskWhichTrack(Parsed parsed, Choices choices)
    {
        string request = Rebuild(parsed.Tokens, 0, 0, "");
        var options = parsed.Turn.Session.Resolver.Tracks
            .Select(t => Option(parsed, choices with { DefaultTarget = new BoundTarget(t), ForOption = true }, t.Name, $"{request} on {t.Name}"))
            .Append(Option(parsed, choices with { DefaultTarget = BoundTarget.Mix, ForOption = true }, "the whole mix", $"{request} on the whole mix"))
            .ToList();
        return new QuestionInterpretation("Which track do you mean, or the whole mix?", options);
    }

    private QuestionInterpretation AskWhichReading(Parsed parsed, Choices choices, OpenVariant open)
    {
        var d = open.Descriptor;
        var options = d.Alternatives.Select(alt => Option(parsed, choices.WithVariant(d.Word, alt.Id), alt.Label, null)).ToList();
        string where = open.Target.IsMix ? "the mix" : open.Target.Name;
        return new QuestionInterpretation($"\"{Capitalize(d.Word)}\" on {where} can mean {JoinOr(d.Alternatives.Select(a => a.Label).ToList())}. Which one?", options);
    }

    /// <summary>An option whose calls are built with the choice made; when more is still open, only its resume text.</summary>
    private QuestionOption Option(Parsed parsed, Choices choices, string label, string? resumeText) =>
        new(label, BuildCalls(parsed, choices) is ToolCallsInterpretation calls ? calls.Calls : [], resumeText);

    private QuestionOption OptionFor(Turn turn, string label, string resumeText)
    {
        if (turn.Depth >= MaxNesting) return new QuestionOption(label, [], resumeText);
        var result = Interpret(resumeText, turn.Context with { PendingQuestion = null }, turn.Depth + 1);
        return new QuestionOption(label, result is ToolCallsInterpretation calls ? calls.Calls : [], resumeText);
    }

    /// <summary>The request's words with a span replaced, for re-reading once a question is answered.</summary>
    private static string Rebuild(List<Token> tokens, int start, int length, string replacement)
    {
        var words = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i == start && length > 0) { words.Add(replacement); i += length - 1; continue; }
            var t = tokens[i];
            words.Add(t.Kind switch
            {
                TokenKind.Reference => t.Original ?? t.Text,
                TokenKind.Number => t.Unit switch { null => t.Text, "percent" => t.Text + "%", "ratio" => t.Text + ":1", "hz" => t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " hz", _ => t.Text + " " + t.Unit },
                _ => t.Text,
            });
        }
        return string.Join(' ', words.Where(w => w.Length > 0 && w != "?"));
    }

    private static string JoinOr(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
