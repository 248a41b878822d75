namespace Mixwright.Assistant.Tui;

/// <summary>Every key of the TUI, as the F1 screen lists them. The window's key handling follows this table.</summary>
public static class KeyHelp
{
    public static IReadOnlyList<(string Keys, string Does)> Entries { get; } =
    [
        ("F1", "this help (F1 or Esc closes it)"),
        ("Tab / Shift+Tab", "move between chat input, tracks and proposal"),
        ("F2 / F3 / F4", "jump to chat input / tracks / proposal"),
        ("Enter", "chat: send the message"),
        ("Up / Down", "chat: recall earlier messages"),
        ("PageUp / PageDown", "chat: scroll the conversation"),
        ("1, 2, 3…", "answer the assistant's question by number (type it, Enter)"),
        ("arrows", "tracks: pick a track and a setting (column)"),
        ("?", "tracks: why is this setting like this? proposal: why this change?"),
        ("p", "tracks: render the selected track alone and play it"),
        ("a", "proposal: apply the pending proposal"),
        ("d", "proposal: discard it"),
        ("e or Enter", "proposal: edit the selected change's value (Enter saves, Esc cancels)"),
        ("F5", "render the mix (progress below; Esc cancels)"),
        ("F6", "analyse stems and the reference not measured yet"),
        ("F7", "play the last render"),
        ("F8", "stop playback"),
        ("Esc", "cancel the running job, close help or the editor"),
        ("Ctrl+Q", "quit (the session is saved after every change)"),
        ("mouse", "click a pane, a cell or a status-bar key; wheel scrolls the chat"),
    ];

    public static string Text =>
        string.Join("\n", Entries.Select(e => $"{e.Keys,-18} {e.Does}"));
}
