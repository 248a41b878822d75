using System.Text;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// A small line editor for the chat at a terminal: typing, backspace, left/right, and up/down through the
/// lines entered before. Ctrl-D on an empty line (or Ctrl-C) ends input.
/// </summary>
internal sealed class LineEditor
{
    private readonly List<string> _history = [];

    public string? ReadLine()
    {
        var line = new StringBuilder();
        int cursor = 0;
        int recalled = _history.Count;
        int startLeft = Console.CursorLeft;
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                string text = line.ToString();
                if (text.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != text)) _history.Add(text);
                return text;
            }
            if ((key.Modifiers & ConsoleModifiers.Control) != 0 && (key.Key == ConsoleKey.D && line.Length == 0 || key.Key == ConsoleKey.C)) return null;
            switch (key.Key)
            {
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0: cursor--; break;
                case ConsoleKey.RightArrow when cursor < line.Length: cursor++; break;
                case ConsoleKey.UpArrow when recalled > 0:
                    line.Clear().Append(_history[--recalled]);
                    cursor = line.Length;
                    break;
                case ConsoleKey.DownArrow when recalled < _history.Count:
                    recalled++;
                    line.Clear().Append(recalled < _history.Count ? _history[recalled] : "");
                    cursor = line.Length;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar)) line.Insert(cursor++, key.KeyChar);
                    break;
            }
            Redraw(startLeft, line.ToString(), cursor);
        }
    }

    private static void Redraw(int left, string text, int cursor)
    {
        int width = Math.Max(1, Console.WindowWidth - left - 1);
        string shown = text.Length > width ? text[^width..] : text;
        Console.CursorLeft = left;
        Console.Write(shown.PadRight(width));
        Console.CursorLeft = left + Math.Min(cursor - (text.Length - shown.Length), width);
    }
}
