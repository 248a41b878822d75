using System.Diagnostics;

namespace Mixwright.Bench;

/// <summary>Runs this benchmark program (or a peer tool) as a child process and returns its last line of output.</summary>
internal static class BenchProcess
{
    public static string RunSelf(params string[] args)
    {
        // Started as `dotnet bench.dll` the host needs the dll again; started through the apphost it does not.
        string host = Environment.ProcessPath!;
        bool viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return viaDotnet ? Run(host, [typeof(BenchProcess).Assembly.Location, .. args]) : Run(host, args);
    }

    public static string Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.TrimEnd().Split('\n')[^1];
    }
}
