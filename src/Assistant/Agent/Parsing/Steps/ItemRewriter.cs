using Mixwright.Embeddings.Text;
using static Mixwright.Assistant.Agent.Parsing.Steps.ItemNavigation;

namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>
/// The first step: retags items whose meaning depends on their neighbours, before anything looks for
/// targets or intents. "more bass on the kick" is the sound bass, "heavy compression" an intensity,
/// "behind the guitars" a place, "the snare reverb is too loud" the reverb send, "clean up the low end" a cut.
/// </summary>
internal static class ItemRewriter
{
    /// <summary>Size adjectives before a console control ("heavy compression", "a light reverb") and the intensity each stands for.</summary>
    private static readonly Dictionary<string, double> SizeAdjectives = new(StringComparer.Ordinal)
    {
        ["heavy"] = 1, ["heavier"] = 1, ["big"] = 1, ["bigger"] = 1, ["huge"] = 1, ["hard"] = 1, ["harder"] = 1,
        ["light"] = 0.33, ["lighter"] = 0.33, ["gentle"] = 0.33, ["gentler"] = 0.33, ["subtle"] = 0.33, ["small"] = 0.33, ["tiny"] = 0.33,
    };

    public static List<Item> Rewrite(IReadOnlyList<Item> raw)
    {
        var items = new List<Item>(raw);
        for (int k = 0; k < items.Count; k++)
        {
            var item = items[k];
            // A word that is both a track and a sound ("bass", "room") is the sound when it follows a quantity
            // word and another track is the target: "more bass on the kick".
            if (item is { Kind: ItemKind.Mention, Quality: { } alt }
                && items.Any(o => o != item && o.Kind == ItemKind.Mention && o.Quality is null)
                && PreviousMeaningful(items, k) is { } prev
                && (prev.Kind == ItemKind.Modifier || prev.IsWordIn(Grammar.PositiveMarkers) || prev.IsWordIn(Grammar.NegativeMarkers) || prev.IsWordIn(Grammar.ExcessMarkers) || prev.Text is "enough" or "any" or "of"))
                items[k] = item with { Kind = ItemKind.Quality, Mention = null, Quality = alt };

            item = items[k];
            // "heavy compression", "a light reverb": size adjectives before a console control are intensities.
            if (item is { Kind: ItemKind.Quality, Quality.Kind: QualityKind.Descriptor } && k + 1 < items.Count
                && items[k + 1] is { Kind: ItemKind.Quality, Quality.Kind: QualityKind.Reverb or QualityKind.Compression or QualityKind.Decay }
                && SizeAdjectives.TryGetValue(TextKey.Of(item.Text), out double size))
                items[k] = item with { Kind = ItemKind.Modifier, Quality = null, Intensity = size };

            item = items[k];
            // "behind the guitars" places the target relative to another track; it is not the word "distant".
            if (item is { Kind: ItemKind.Quality, Text: "behind" } && NextMeaningful(items, k) is { Kind: ItemKind.Mention })
                items[k] = item with { Kind = ItemKind.Word, Quality = null };

            item = items[k];
            // "the snare reverb is too loud": a level word about the reverb is about the reverb send.
            if (item is { Kind: ItemKind.Quality, Quality.Kind: QualityKind.Reverb or QualityKind.Compression })
                for (int j = k + 1; j < Math.Min(items.Count, k + 5); j++)
                {
                    if (items[j].Kind is ItemKind.Mention or ItemKind.Number || (items[j].Kind == ItemKind.Quality && items[j].Quality!.Kind != QualityKind.Level)) break;
                    if (items[j] is { Kind: ItemKind.Quality, Quality: { Kind: QualityKind.Level } level })
                    {
                        items[j] = items[j] with { Quality = new Quality(item.Quality!.Kind, level.InherentSign, null, level.Surface) };
                        items[k] = item with { Kind = ItemKind.Word, Quality = null };
                        break;
                    }
                }

            item = items[k];
            // "clean up the low end", "tighten the low mids": the verb reduces the region it is aimed at.
            if (item is { Kind: ItemKind.Quality, Quality.Descriptor: { } d } && Grammar.ReducerDescriptors.Contains(d.Descriptor.Word)
                && NextMeaningful(items, k) is { Kind: ItemKind.Quality, Quality.Descriptor.Descriptor.IsRegion: true })
                items[k] = item with { Kind = ItemKind.Word, Text = "reduce", Quality = null };
        }
        return items;
    }
}
