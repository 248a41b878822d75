using System.Diagnostics;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Tui;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Session;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>
/// The real TUI window over a real session, driven without a terminal: Terminal.Gui's ANSI driver on a
/// virtual screen and virtual clock, keys injected as if typed, the screen read back as text. Background
/// work (turns, renders) runs on the thread pool for real; <see cref="WaitUntil"/> pumps the UI queue
/// while it does, as the main loop would.
/// </summary>
public sealed class HeadlessTui : IDisposable
{
    private readonly IApplication _app;
    private readonly SessionToken? _token;

    public HeadlessTui(string sessionPath, int width = 120, int height = 34)
    {
        // As `mixwright tui` builds it, less the reference matcher (its search takes seconds; it has its own tests).
        Desk = new MixingDesk(MixSession.Load(sessionPath), DspMixEngine.ForSession(sessionPath), new DescriptorResolver(PromptLibrary.Default));
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        Window = new MainWindow(_app, Desk, new LocalTurnHandler(Desk.Tools), new AudioPlayer());
        _token = _app.Begin(Window);
        WaitUntil(() => !Window.Busy);
    }

    public MixingDesk Desk { get; }
    public MainWindow Window { get; }

    /// <summary>Everything the user would see, one line per screen row.</summary>
    public string Screen
    {
        get
        {
            _app.LayoutAndDraw(true);
            return _app.Driver!.ToString() ?? "";
        }
    }

    /// <summary>The first screen row that contains every one of <paramref name="parts"/>, or "".</summary>
    public string Row(params string[] parts) =>
        Screen.Split('\n').FirstOrDefault(line => parts.All(p => line.Contains(p, StringComparison.Ordinal))) ?? "";

    /// <summary>The chat as one string, to assert on words however the narrow pane wrapped them.</summary>
    public string Chat => string.Join("\n", Window.Conversation.Select(m => m.Text));

    public void Type(string text)
    {
        foreach (char c in text) Press(new Key(c));
    }

    public void Press(Key key)
    {
        _app.InjectKey(key);
        _app.TimedEvents!.RunTimers();
    }

    /// <summary>A left click on the first place the screen shows <paramref name="text"/>.</summary>
    public void Click(string text)
    {
        var lines = Screen.Split('\n');
        int row = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        if (row < 0) throw new InvalidOperationException($"\"{text}\" is not on the screen:\n{string.Join('\n', lines)}");
        _app.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(lines[row].IndexOf(text, StringComparison.Ordinal), row)));
        _app.TimedEvents!.RunTimers();
    }

    /// <summary>Types a message, sends it and waits for the turn to finish.</summary>
    public void Say(string text)
    {
        Press(Key.F2);
        Type(text);
        Press(Key.Enter);
        WaitUntil(() => !Window.Busy);
    }

    /// <summary>Runs queued UI work until the condition holds; fails after <paramref name="seconds"/>.</summary>
    public void WaitUntil(Func<bool> condition, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            _app.TimedEvents!.RunTimers();
            if (condition()) return;
            if (clock.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"The TUI did not get there in {seconds} s. Screen:\n{Screen}");
            Thread.Sleep(5);
        }
    }

    public void Dispose()
    {
        WaitUntil(() => !Window.Busy);
        if (_token is not null) _app.End(_token);
        Window.Dispose();
        _app.Dispose();
    }
}
