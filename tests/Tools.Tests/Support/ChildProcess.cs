using System.Diagnostics;

namespace Mixwright.Tools.Tests.Support;

/// <summary>Starts this test assembly as a child process (see <see cref="ChildProcessEntry"/>).</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public static ChildProcess Start(params string[] args)
    {
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (string a in args) info.ArgumentList.Add(a);
        return new ChildProcess(Process.Start(info)!);
    }

    public int Id => _process.Id;

    /// <summary>The next line the child prints, failing after the timeout.</summary>
    public string ReadLine(TimeSpan timeout)
    {
        var read = _process.StandardOutput.ReadLineAsync();
        if (!read.Wait(timeout)) throw new TimeoutException("The child process printed nothing in time. Stderr: " + StderrSoFar());
        return read.Result ?? throw new InvalidOperationException("The child process exited early. Stderr: " + StderrSoFar());
    }

    /// <summary>Everything the child printed that was not read yet (after it exited or was killed).</summary>
    public string ReadToEnd() => _process.StandardOutput.ReadToEnd();

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) throw new TimeoutException("The child process did not exit in time.");
        return _process.ExitCode;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private string StderrSoFar() => _process.HasExited ? _process.StandardError.ReadToEnd() : "(still running)";

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
