using System.CommandLine;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools;

namespace Mixwright.Assistant.Cli;

/// <summary>The `mixwright` command line: one subcommand per file, errors turned into one clear line.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitError = 1;

    public static int Run(string[] args)
    {
        var root = new RootCommand("Mixwright: a conversational, assistive multitrack mixing assistant.");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(RenderCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(BounceCommand.Create());
        foreach (var verb in SessionVerbs.Create()) root.Subcommands.Add(verb);
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(TuiCommand.Create());
        return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a command body; bad input of any kind ends in one line on stderr and exit code 1.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine(ErrorLine(e));
            return ExitError;
        }
    }

    /// <summary>The one line a user error prints on stderr; null for an exception that is a bug, not bad input.</summary>
    public static string? ErrorLine(Exception e) => IsUserError(e) ? $"error: {UserMessage.Of(e)}" : null;

    private static bool IsUserError(Exception e) => e is AudioFormatException or ParameterOutOfRangeException
        or ArgumentException or FileNotFoundException or DirectoryNotFoundException or IOException
        or UnauthorizedAccessException or InvalidDataException or OperationCanceledException
        or System.Text.Json.JsonException or SessionException or Demo.DemoRenderException or HttpRequestException or Agent.ChatBackendException;
}
