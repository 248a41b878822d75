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

    /// <summary>
    /// User + system CPU seconds of every child this process has waited for so far (cutime + cstime in
    /// /proc/self/stat): CPU time, unlike wall time, barely moves when other work shares the machine.
    /// </summary>
    public static double ChildrenCpuSeconds()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields after the command name start at field 3 (state); cutime and cstime are fields 16 and 17.
        long ticks = long.Parse(fields[16 - 3], System.Globalization.CultureInfo.InvariantCulture)
                   + long.Parse(fields[17 - 3], System.Globalization.CultureInfo.InvariantCulture);
        return ticks / 100.0; // USER_HZ is 100 on Linux
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
