namespace Mixwright.Assistant.Demo;

/// <summary>
/// The demo stems could not be made: the synthesiser or soundfont is missing, or a render failed.
/// The message says what to install or which stem and tool output went wrong.
/// </summary>
public sealed class DemoRenderException(string message, Exception? inner = null) : Exception(message, inner);
