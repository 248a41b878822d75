using System.Diagnostics;
using Mixwright.Assistant.Cli;
using Mixwright.Tools.Session;
using Xunit.Abstractions;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>A fact that is skipped, saying why, on a machine without tmux.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (TmuxTuiTests.TmuxPath is null) Skip = "tmux is not installed (apt-get install tmux): the end-to-end TUI test drives the real program in it.";
    }
}

/// <summary>
/// The real `mixwright tui STEMS_DIR` in a real terminal (tmux, on a private server socket): keys go in
/// with send-keys, the screen comes back with capture-pane, as a person at a terminal would see it.
/// </summary>
public sealed class TmuxTuiTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestSession _files = new(create: false);
    private readonly string _socket = $"mixwright-test-{Guid.NewGuid():N}";

    public static string? TmuxPath =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "tmux")).FirstOrDefault(File.Exists);

    public void Dispose()
    {
        Tmux("kill-server");
        _files.Dispose();
    }

    [TmuxFact]
    public void A_request_typed_in_a_terminal_is_proposed_applied_and_saved()
    {
        string program = $"dotnet '{typeof(CliApp).Assembly.Location}' tui '{_files.StemsDir}'";
        Tmux("new-session", "-d", "-x", "120", "-y", "34", "-s", "mw", program);

        WaitFor("Tracks (F3)");
        Tmux("send-keys", "-t", "mw", "-l", "vocals up 3 dB");
        Tmux("send-keys", "-t", "mw", "Enter");
        string proposed = WaitFor("Proposal p-1");
        Assert.Contains("0 dB → +3 dB", proposed);

        Tmux("send-keys", "-t", "mw", "F4");
        Tmux("send-keys", "-t", "mw", "a");
        string applied = WaitFor("history 1/1");
        Assert.Contains("+3.0", applied.Split('\n').First(l => l.Contains("lead vocal")));
        output.WriteLine(applied);

        Tmux("send-keys", "-t", "mw", "F1");
        Assert.Contains("Ctrl+Q", WaitFor("Keys (F1 or Esc closes)"));
        Tmux("send-keys", "-t", "mw", "F1");
        Tmux("send-keys", "-t", "mw", "C-q");
        WaitUntilGone();

        var session = MixSession.Load(_files.SessionPath);
        Assert.Equal(3, session.Console.Track("Lead Vocal").GainDb);
        Assert.Single(session.History.ChangeSets);
    }

    /// <summary>Polls the pane until it shows <paramref name="text"/>; returns the screen.</summary>
    private string WaitFor(string text, double seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            screen = Tmux("capture-pane", "-p", "-t", "mw");
            if (screen.Contains(text, StringComparison.Ordinal)) return screen;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"The terminal never showed \"{text}\" in {seconds} s. It showed:\n{screen}");
    }

    private void WaitUntilGone(double seconds = 15)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            if (Run("has-session", "-t", "mw").ExitCode != 0) return;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"mixwright tui did not quit on Ctrl+Q. It showed:\n{Tmux("capture-pane", "-p", "-t", "mw")}");
    }

    private string Tmux(params string[] args) => Run(args).Stdout;

    private (int ExitCode, string Stdout) Run(params string[] args)
    {
        var psi = new ProcessStartInfo(TmuxPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_socket);
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout);
    }
}
