using Mixwright.Dsp.Mixing;

namespace Mixwright.Assistant.Cli;

/// <summary>A one-line progress display on stderr, redrawn only when the percentage moves; silent when redirected.</summary>
internal sealed class ConsoleProgress : IProgress<RenderProgress>
{
    private string _last = "";

    public void Report(RenderProgress value)
    {
        if (Console.IsErrorRedirected) return;
        string line = $"{value.Stage} {value.Fraction * 100,3:0}%";
        if (line == _last) return;
        _last = line;
        Console.Error.Write("\r" + line.PadRight(40));
        if (value.Fraction >= 1) Console.Error.WriteLine();
    }
}
