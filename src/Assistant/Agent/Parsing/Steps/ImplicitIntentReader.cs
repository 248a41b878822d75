using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;

namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>
/// What a clause asks for without naming a quality: compression phrases ("tame the peaks", "let it
/// breathe"), placement ("push the guitars back"), a bare direction that borrows the previous clause's
/// qualities ("..., less on the piano"), praise ("the kick sounds great") and a bare level move ("snare up",
/// "the guitars are drowning the vocal").
/// </summary>
internal sealed class ImplicitIntentReader(IntensityLexicon intensities, DescriptorLexicon descriptors) : IClauseStep
{
    private double DefaultIntensity => intensities.DefaultIntensity;

    public void Apply(ClauseReading reading)
    {
        var clause = reading.Clause;
        var items = clause.Items;
        double modifier = items.FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity ?? DefaultIntensity;
        if (items.Any(i => i.IsWordIn(Grammar.CompressPhrases)) && !clause.Intents.Any(i => i is CompressionIntent))
            clause.Intents.Add(new CompressionIntent(1, modifier));
        if (items.Any(i => i.IsWordIn(Grammar.DecompressPhrases)) && !clause.Intents.Any(i => i is CompressionIntent))
            clause.Intents.Add(new CompressionIntent(-1, modifier));
        FindPlacement(clause, modifier);
        FindEchoedQualities(clause, reading.Previous, modifier);
        FindPraise(clause);
        FindImplicitLevel(clause);
    }

    /// <summary>"Push the guitars back", "tuck the pad back": further away in the mix.</summary>
    private void FindPlacement(Clause clause, double intensity)
    {
        var items = clause.Items;
        if (clause.Intents.Any(i => i is not PraiseIntent) || !items.Any(i => i.IsWord("back"))) return;
        if (!items.Any(i => i.IsWordIn(Grammar.PlacementVerbs))) return;
        if (DistantDescriptor is { } distant) clause.Intents.Add(new DescriptorIntent(distant, false, intensity));
    }

    private Descriptor? DistantDescriptor => descriptors.TryGet("distant", out var d) ? d : null;

    /// <summary>
    /// A clause with only a direction borrows the qualities of the clause before it:
    /// "more reverb on the pad, less on the piano", "less low end on the piano and more on the bass".
    /// </summary>
    private static void FindEchoedQualities(Clause clause, IReadOnlyList<Quality> previous, double intensity)
    {
        var items = clause.Items;
        if (previous.Count == 0 || clause.Intents.Count > 0 || items.Any(i => i.Kind == ItemKind.Quality)) return;
        int sign = 0;
        foreach (var item in items)
        {
            if (item.Kind != ItemKind.Word) continue;
            if (Grammar.EchoMoreWords.Contains(item.Text)) { sign = 1; break; }
            if (Grammar.EchoLessWords.Contains(item.Text)) { sign = -1; break; }
        }
        if (sign == 0) return;
        foreach (var q in previous)
        {
            int inherent = q.InherentSign == 0 ? 1 : q.InherentSign;
            switch (q.Kind)
            {
                case QualityKind.Level: clause.Intents.Add(new LevelIntent(sign * inherent, intensity)); break;
                case QualityKind.Reverb: clause.Intents.Add(new ReverbIntent(sign, intensity)); break;
                case QualityKind.Compression: clause.Intents.Add(new CompressionIntent(sign, intensity)); break;
                case QualityKind.Decay: clause.Intents.Add(new DecayIntent(sign, intensity)); break;
                case QualityKind.Descriptor: clause.Intents.Add(new DescriptorIntent(q.Descriptor!.Descriptor, sign < 0, intensity)); break;
            }
        }
    }

    /// <summary>"The kick sounds great": a compliment, nothing to change.</summary>
    private static void FindPraise(Clause clause)
    {
        var items = clause.Items;
        if (clause.Intents.Count > 0) return;
        bool copula = items.Any(i => i.IsWordIn(Grammar.Copulas));
        var praise = items.FirstOrDefault(i => i.IsWordIn(Grammar.PraiseWords));
        if (copula && praise is not null && !items.Any(i => i.IsWord("not"))) clause.Intents.Add(new PraiseIntent(praise.Text));
    }

    /// <summary>
    /// A direction with no quality ("snare up", "bring the guitars down", "I can't hear the vocal") is a
    /// level change; so is a track drowning another ("the guitars are drowning the vocal").
    /// </summary>
    private void FindImplicitLevel(Clause clause)
    {
        if (clause.Intents.Any(i => i is not PraiseIntent)) return;
        var items = clause.Items;
        double intensity = items.FirstOrDefault(i => i.Kind == ItemKind.Modifier)?.Intensity ?? DefaultIntensity;
        if (items.Any(i => i.IsWordIn(Grammar.MaskingVerbs))) { clause.Intents.Add(new LevelIntent(-1, intensity)); return; }
        if (items.Any(i => i.IsWordIn(Grammar.LevelUpPhrases))) { clause.Intents.Add(new LevelIntent(1, intensity)); return; }
        if (clause.HasTargets && items.Any(i => Grammar.TooLoudPhrases.Contains(i.Text)))
        { clause.Intents.Add(new LevelIntent(-1, intensity)); return; }
        if (!clause.HasTargets && !clause.HasPronoun && !items.Any(i => i.Kind == ItemKind.Number)) return;
        foreach (var item in items)
        {
            if (item.Kind != ItemKind.Word) continue;
            if (Grammar.LevelUpWords.Contains(item.Text)) { clause.Intents.Add(new LevelIntent(1, intensity)); return; }
            if (Grammar.LevelDownWords.Contains(item.Text)) { clause.Intents.Add(new LevelIntent(-1, intensity)); return; }
        }
    }
}
