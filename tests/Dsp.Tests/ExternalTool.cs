using System.Diagnostics;

namespace Mixwright.Dsp.Tests;

/// <summary>Runs sox or ffmpeg (the tests' oracles) and returns what they printed.</summary>
internal static class ExternalTool
{
    public static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(); throw new TimeoutException($"{tool} did not finish in 60 s."); }
        string text = stdout.Result + stderr.Result;
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({p.ExitCode}):\n{text}");
        return text;
    }
}
