using System.Diagnostics;
using Mixwright.Assistant.Cli;

namespace Mixwright.Assistant.Tests.Cli;

/// <summary>Runs the real `mixwright` program, as a user or a script would.</summary>
internal static class MixwrightProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunWith(null, null, args);

    /// <summary>
    /// Runs with <paramref name="stdin"/> typed in (then closed) and the environment changed by
    /// <paramref name="environment"/> (a null value removes the variable).
    /// </summary>
    public static Result RunWith(string? stdin, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) psi.Environment.Remove(name);
            else psi.Environment[name] = value;
        }
        using var p = Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"mixwright {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
