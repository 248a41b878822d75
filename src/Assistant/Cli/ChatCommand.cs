using System.CommandLine;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// `mixwright chat SESSION|STEMS_DIR [--yes]`: the conversation as a line REPL. Proposals print as tables
/// and wait for "yes"; "quit" or end of input leaves. At a terminal, up and down recall earlier lines.
/// </summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("session") { Description = "Session file, or a folder of stems (a session is made in it first)." };
        var yes = new Option<bool>("--yes") { Description = "Apply proposals without asking." };
        var command = new Command("chat", "Talk to the mixing assistant: describe the sound, confirm or refine its proposals.") { target, yes };
        command.SetAction(parse => CliApp.Guard(() => Run(parse.GetRequiredValue(target), parse.GetValue(yes), Console.In, Console.Out)));
        return command;
    }

    public static int Run(string target, bool yes, TextReader input, TextWriter output)
    {
        string sessionPath = AgentSetup.SessionFor(target, output);
        var agent = AgentSetup.Open(sessionPath, yes);
        output.WriteLine($"Mixwright chat on {Path.GetFileName(sessionPath)} ({agent.Session.Stems.Count} tracks: {string.Join(", ", agent.Session.Stems.Select(s => s.Name))}).");
        output.WriteLine("Describe what you want to hear; \"quit\" leaves.");
        var editor = Console.IsInputRedirected || !ReferenceEquals(input, Console.In) ? null : new LineEditor();
        while (true)
        {
            output.Write("you> ");
            output.Flush();
            string? line = editor is null ? input.ReadLine() : editor.ReadLine();
            if (line is null) { output.WriteLine(); break; }
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line is "quit" or "exit" or "/quit" or "/exit" or "bye") break;
            try
            {
                var turn = agent.AskAsync(line).GetAwaiter().GetResult();
                TurnPrinter.Print(turn, output);
            }
            catch (Exception e) when (e is Mixwright.Tools.SessionException or ArgumentException or Agent.ChatBackendException or InvalidOperationException)
            {
                // One failed turn (an unreachable model, a stale session) is reported; the conversation goes on.
                output.WriteLine($"error: {e.Message}");
            }
        }
        return CliApp.ExitOk;
    }
}
