using static Mixwright.Assistant.Agent.Parsing.Steps.ItemNavigation;

namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>
/// The last step: gives the dB amounts no earlier step spent to the level, reverb or region move they belong
/// to ("vocals up 3 dB", "reverb to -18 dB", "cut the low end by 4 dB"); a bare amount with nothing to
/// belong to is a level change ("kick -3 dB").
/// </summary>
internal sealed class AmountBinder : IClauseStep
{
    public void Apply(ClauseReading reading)
    {
        var clause = reading.Clause;
        var consumed = reading.Consumed;
        var items = clause.Items;
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k] is not { Kind: ItemKind.Number, Token: { } t } || consumed.Contains(k)) continue;
            var prev = PreviousMeaningful(items, k);
            bool leadIn = prev is not null && prev.IsWordIn(Grammar.NumberUnitlessAmountLeadIns);
            bool isDb = t.Unit == "db" || (t.Unit is null && (leadIn || t.Signed) && Math.Abs(t.Value) <= 24);
            if (!isDb) continue;
            bool absolute = prev is not null && prev.Text is "to" or "at" && !(prev.Text == "to" && t.Unit is null && !t.Signed);
            consumed.Add(k);

            int index = clause.Intents.FindIndex(i => i is LevelIntent { DeltaDb: null, AbsoluteDb: null });
            if (index >= 0)
            {
                var level = (LevelIntent)clause.Intents[index];
                clause.Intents[index] = absolute ? level with { AbsoluteDb = t.Value }
                    : level with { DeltaDb = t.Signed && level.Sign == 0 ? t.Value : level.Sign * Math.Abs(t.Value) };
                continue;
            }
            index = clause.Intents.FindIndex(i => i is ReverbIntent { DeltaDb: null, AbsoluteDb: null, Off: false });
            if (index >= 0)
            {
                var reverb = (ReverbIntent)clause.Intents[index];
                clause.Intents[index] = absolute ? reverb with { AbsoluteDb = t.Value } : reverb with { DeltaDb = reverb.Sign * Math.Abs(t.Value) };
                continue;
            }
            index = clause.Intents.FindIndex(i => i is DescriptorIntent { Descriptor.IsRegion: true, ExplicitDb: null });
            if (index >= 0)
            {
                var region = (DescriptorIntent)clause.Intents[index];
                clause.Intents[index] = region with { ExplicitDb = (region.Negate ? -1 : 1) * Math.Abs(t.Value) };
                continue;
            }
            if (clause.Intents.Any(i => i is not PraiseIntent)) continue;
            // "kick -3 dB", "set the snare to -6 dB": a bare amount is a level change.
            if (absolute) clause.Intents.Add(new LevelIntent(0, InterpreterDefaults.UnmarkedIntensity, AbsoluteDb: t.Value));
            else if (t.Signed) clause.Intents.Add(new LevelIntent(Math.Sign(t.Value), InterpreterDefaults.UnmarkedIntensity, DeltaDb: t.Value));
        }
    }
}
