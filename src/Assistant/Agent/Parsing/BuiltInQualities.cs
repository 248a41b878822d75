namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// Words for the console's own controls (level, reverb, compression, reverb decay), with the direction
/// each word carries by itself.
/// </summary>
internal static class BuiltInQualities
{
    public static readonly IReadOnlyDictionary<string, (QualityKind Kind, int Sign)> Words = new Dictionary<string, (QualityKind, int)>(StringComparer.Ordinal)
    {
        ["louder"] = (QualityKind.Level, 1), ["loud"] = (QualityKind.Level, 1), ["hotter"] = (QualityKind.Level, 1), ["hot"] = (QualityKind.Level, 1),
        ["audible"] = (QualityKind.Level, 1), ["high"] = (QualityKind.Level, 1), ["loudest"] = (QualityKind.Level, 1),
        ["quieter"] = (QualityKind.Level, -1), ["quiet"] = (QualityKind.Level, -1), ["softer"] = (QualityKind.Level, -1), ["soft"] = (QualityKind.Level, -1),
        ["inaudible"] = (QualityKind.Level, -1), ["low"] = (QualityKind.Level, -1), ["silent"] = (QualityKind.Level, -1), ["faint"] = (QualityKind.Level, -1),
        ["volume"] = (QualityKind.Level, 0), ["vol"] = (QualityKind.Level, 0), ["level"] = (QualityKind.Level, 0), ["levels"] = (QualityKind.Level, 0),
        ["gain"] = (QualityKind.Level, 0), ["fader"] = (QualityKind.Level, 0), ["loudness"] = (QualityKind.Level, 0),
        ["reverb"] = (QualityKind.Reverb, 1), ["verb"] = (QualityKind.Reverb, 1), ["reverbs"] = (QualityKind.Reverb, 1), ["reverb send"] = (QualityKind.Reverb, 1),
        ["reverb level"] = (QualityKind.Reverb, 1), ["reverb return"] = (QualityKind.Reverb, 1), ["hall"] = (QualityKind.Reverb, 1),
        ["plate"] = (QualityKind.Reverb, 1), ["send"] = (QualityKind.Reverb, 1), ["reverb bus"] = (QualityKind.Reverb, 1),
        ["compression"] = (QualityKind.Compression, 1), ["compressor"] = (QualityKind.Compression, 1), ["comp"] = (QualityKind.Compression, 1),
        ["compress"] = (QualityKind.Compression, 1), ["squash"] = (QualityKind.Compression, 1), ["squeeze"] = (QualityKind.Compression, 1),
        ["squish"] = (QualityKind.Compression, 1), ["limiting"] = (QualityKind.Compression, 1), ["limiter"] = (QualityKind.Compression, 1),
        ["limit"] = (QualityKind.Compression, 1), ["compressing"] = (QualityKind.Compression, 1), ["dynamics processing"] = (QualityKind.Compression, 1),
        ["decompress"] = (QualityKind.Compression, -1), ["uncompress"] = (QualityKind.Compression, -1),
        ["decay"] = (QualityKind.Decay, 1), ["tail"] = (QualityKind.Decay, 1), ["reverb tail"] = (QualityKind.Decay, 1),
        ["reverb time"] = (QualityKind.Decay, 1), ["decay time"] = (QualityKind.Decay, 1), ["rt60"] = (QualityKind.Decay, 1),
    };

    public static readonly int MaxTokens = Words.Keys.Max(k => k.Split(' ').Length);
}
