namespace Mixwright.Assistant.Demo;

/// <summary>A stretch of the demo song, in bars from the start, with its time in seconds.</summary>
public sealed record DemoSection(DemoSectionKind Kind, int StartBar, int Bars, double StartSeconds, double EndSeconds);
