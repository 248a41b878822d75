using Mixwright.Embeddings.Reading;

namespace Mixwright.Assistant.Agent.Reading;

/// <summary>
/// One way a tool call moves the console, in the reader's terms: on <see cref="Track"/> ("master" for the
/// whole mix), <see cref="Aspect"/> goes <see cref="Direction"/>. <see cref="Explicit"/> marks a value the
/// user gave in numbers ("up 3 dB", "pan 30 % left"): the exact part, which the reader does not overrule.
/// </summary>
internal sealed record CallAspect(string Track, ReaderAspect Aspect, AspectDirection Direction, bool Explicit);
