using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Mixwright.Assistant.Tui;

public enum ChatSpeaker { User, Assistant, Note, Problem }

/// <summary>
/// The conversation, read-only: messages word-wrapped to the pane's width and pinned to the bottom like a
/// terminal, so the newest line is always in view. PageUp / PageDown (forwarded from the input line) and
/// the mouse wheel scroll back through it.
/// </summary>
public sealed class ChatLog : View
{
    private readonly List<(ChatSpeaker Speaker, string Text)> _messages = [];
    private int _scrollBack;

    public ChatLog()
    {
        CanFocus = false;
    }

    public IReadOnlyList<(ChatSpeaker Speaker, string Text)> Messages => _messages;

    public void Add(ChatSpeaker speaker, string text)
    {
        _messages.Add((speaker, text));
        _scrollBack = 0;
        SetNeedsDraw();
    }

    /// <summary>Scrolls by pages of the pane's height; positive goes back in time.</summary>
    public void Page(int pages)
    {
        int total = Lines(Math.Max(1, Viewport.Width)).Count;
        int step = Math.Max(1, Viewport.Height - 1);
        _scrollBack = Math.Clamp(_scrollBack + pages * step, 0, Math.Max(0, total - Viewport.Height));
        SetNeedsDraw();
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { ScrollLines(3); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { ScrollLines(-3); return true; }
        return base.OnMouseEvent(mouse);
    }

    private void ScrollLines(int lines)
    {
        int total = Lines(Math.Max(1, Viewport.Width)).Count;
        _scrollBack = Math.Clamp(_scrollBack + lines, 0, Math.Max(0, total - Viewport.Height));
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, height = Viewport.Height;
        if (width <= 0 || height <= 0) return true;
        var lines = Lines(width);
        int first = Math.Max(0, lines.Count - height - _scrollBack);
        for (int row = 0; row < height && first + row < lines.Count; row++)
        {
            var (speaker, text) = lines[first + row];
            SetAttributeForRole(speaker switch
            {
                ChatSpeaker.User => VisualRole.HotNormal,
                ChatSpeaker.Problem => VisualRole.Highlight,
                ChatSpeaker.Note => VisualRole.Disabled,
                _ => VisualRole.Normal,
            });
            Move(0, row);
            AddStr(text);
        }
        return true;
    }

    private List<(ChatSpeaker, string)> Lines(int width)
    {
        var lines = new List<(ChatSpeaker, string)>();
        foreach (var (speaker, text) in _messages)
        {
            string prefix = speaker switch { ChatSpeaker.User => "> ", ChatSpeaker.Note => "· ", ChatSpeaker.Problem => "! ", _ => "  " };
            foreach (string paragraph in text.Split('\n'))
            {
                bool firstLine = true;
                foreach (string line in Wrap(paragraph, Math.Max(1, width - prefix.Length)))
                {
                    lines.Add((speaker, (firstLine ? prefix : new string(' ', prefix.Length)) + line));
                    firstLine = false;
                }
            }
        }
        return lines;
    }

    /// <summary>Greedy word wrap; a word longer than the line is cut.</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string w = word;
            while (w.Length > width)
            {
                if (line.Length > 0) { yield return line.ToString(); line.Clear(); }
                yield return w[..width];
                w = w[width..];
            }
            if (line.Length > 0 && line.Length + 1 + w.Length > width) { yield return line.ToString(); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(w);
        }
        yield return line.ToString();
    }
}
