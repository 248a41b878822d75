using System.Diagnostics;
using System.Text;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// Plays a file through the first of <c>ffplay -nodisp -autoexit</c> or <c>aplay</c> found on the PATH.
/// Both print to stderr and ffplay even exits 0 when there is no sound card, so the outcome is read from
/// what they say: "audio open failed", "cannot find card" and the like become one plain message. Their
/// output is captured, never let through to the terminal the TUI is drawing on.
/// </summary>
public sealed class AudioPlayer(string? searchPath = null)
{
    private static readonly string[] NoDeviceSigns =
        ["audio open failed", "audio open error", "cannot find card", "couldn't open audio", "could not open audio", "no available audio device", "unknown pcm", "no such device"];

    private readonly string? _searchPath = searchPath;
    private readonly Lock _gate = new();
    private Process? _playing;

    /// <summary>The player's full path, or null when neither is installed.</summary>
    public string? Player => Find("ffplay") ?? Find("aplay");

    public bool IsPlaying
    {
        get { lock (_gate) return _playing is { HasExited: false }; }
    }

    /// <summary>
    /// Starts playback and returns at once; <paramref name="finished"/> gets the outcome in words from the
    /// player's thread. Returns null when playback started, else the reason it could not.
    /// </summary>
    public string? Play(string file, Action<string> finished)
    {
        if (!File.Exists(file)) return $"Nothing to play: {file} does not exist.";
        string? player = Player;
        if (player is null) return "Playback needs ffplay (from ffmpeg) or aplay (alsa-utils); neither is installed.";
        Stop();
        var psi = new ProcessStartInfo(player)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileName(player) == "ffplay")
            foreach (string a in new[] { "-nodisp", "-autoexit", "-loglevel", "error" }) psi.ArgumentList.Add(a);
        else
            psi.ArgumentList.Add("-q");
        psi.ArgumentList.Add(file);

        var errors = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"Could not start {Path.GetFileName(player)}: {e.Message}";
        }
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        lock (_gate) _playing = process;
        _ = process.WaitForExitAsync().ContinueWith(_ =>
        {
            bool stopped;
            lock (_gate)
            {
                stopped = _playing != process;
                if (!stopped) _playing = null;
            }
            string said;
            lock (errors) said = errors.ToString();
            finished(stopped ? "Playback stopped." : Outcome(Path.GetFileName(player), process.ExitCode, said));
            process.Dispose();
        }, TaskScheduler.Default);
        return null;
    }

    /// <summary>Stops the player this object started, if it still runs.</summary>
    public bool Stop()
    {
        Process? process;
        lock (_gate)
        {
            process = _playing;
            _playing = null;
        }
        if (process is null) return false;
        try
        {
            if (!process.HasExited) process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
        return true;
    }

    /// <summary>What the player's exit means for the user.</summary>
    public static string Outcome(string player, int exitCode, string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string lastLine = lines.LastOrDefault() ?? "";
        // The most telling line first: "audio open failed" says more than ALSA's "Unknown PCM default".
        string? sign = NoDeviceSigns.Select(s => lines.FirstOrDefault(line => line.Contains(s, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(line => line is not null);
        if (sign is not null)
            return $"No audio device: {player} could not open one (\"{sign}\"). The file is still there to copy or open elsewhere.";
        if (exitCode != 0)
            return $"Playback failed: {player} exited with code {exitCode}{(lastLine.Length > 0 ? $" ({lastLine})" : "")}.";
        return "Playback finished.";
    }

    private string? Find(string name)
    {
        string path = _searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
