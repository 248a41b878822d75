using Mixwright.Embeddings.Descriptors;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>Built-in qualities the console has controls for, beside the descriptor words.</summary>
internal enum QualityKind { Descriptor, Level, Reverb, Compression, Decay }

/// <summary>
/// A quality named in the request. <see cref="InherentSign"/> is the direction the word itself carries:
/// "louder" +1, "quieter" -1, "volume" 0 (needs "up"/"down"); descriptors are +1 (more of the word).
/// </summary>
internal sealed record Quality(QualityKind Kind, int InherentSign, DescriptorMatch? Descriptor, string Surface);

internal enum ItemKind { Mention, Quality, Modifier, Word, Number, Punct, Reference }

/// <summary>One tagged piece of a request: a track mention, a quality, an intensity, a grammar word, a number...</summary>
internal sealed record Item(ItemKind Kind, int TokenStart, int TokenLength, string Text,
    Mention? Mention = null, Quality? Quality = null, double Intensity = 0, Token? Token = null)
{
    public bool IsWord(string w) => Kind == ItemKind.Word && Text == w;
    public bool IsWordIn(IReadOnlySet<string> set) => Kind == ItemKind.Word && set.Contains(Text);
    public override string ToString() => Kind switch
    {
        ItemKind.Mention => $"[{Mention!.Kind}:{Text}]",
        ItemKind.Quality => $"<{Quality!.Kind}:{Quality.Descriptor?.Descriptor.Word ?? Text}>",
        ItemKind.Modifier => $"~{Intensity:0.##}",
        ItemKind.Number => $"#{Token}",
        _ => Text,
    };
}
