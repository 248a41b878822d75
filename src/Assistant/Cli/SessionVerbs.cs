using System.CommandLine;
using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Cli;

/// <summary>The script-facing session verbs: new, state, undo, redo.</summary>
internal static class SessionVerbs
{
    public static IEnumerable<Command> Create()
    {
        var stems = new Argument<string>("stems") { Description = "Folder of stems (one audio file per instrument or voice)." };
        var output = new Option<string?>("--output", "-o") { Description = $"Session file to create (default: {SessionCommands.DefaultSessionFileName} in the stems folder)." };
        var create = new Command("new", "Create a session from a folder of stems: names tracks, guesses their roles, measures them.") { stems, output };
        create.SetAction(parse => CliApp.Guard(() =>
        {
            string? target = parse.GetValue(output);
            string sessionPath = Path.GetFullPath(target ?? Path.Combine(parse.GetRequiredValue(stems), SessionCommands.DefaultSessionFileName));
            Console.Write(new SessionCommands(DspMixEngine.ForSession(sessionPath)).New(parse.GetRequiredValue(stems), target));
            return CliApp.ExitOk;
        }));
        yield return create;

        var session = new Argument<string>("session") { Description = "Session file." };
        var json = new Option<bool>("--json") { Description = "Print the full state as JSON." };
        var state = new Command("state", "Show the console state and the history of a session.") { session, json };
        state.SetAction(parse => CliApp.Guard(() =>
        {
            string path = parse.GetRequiredValue(session);
            Console.WriteLine(parse.GetValue(json)
                ? new SessionCommands(DspMixEngine.ForSession(path)).StateJson(path)
                : StateText.Describe(MixSession.Load(path)));
            return CliApp.ExitOk;
        }));
        yield return state;

        yield return HistoryVerb("undo", "Undo the last committed change set.", (c, p) => c.Undo(p));
        yield return HistoryVerb("redo", "Redo the change set undone last.", (c, p) => c.Redo(p));
    }

    private static Command HistoryVerb(string name, string description, Func<SessionCommands, string, string> act)
    {
        var session = new Argument<string>("session") { Description = "Session file." };
        var command = new Command(name, description) { session };
        command.SetAction(parse => CliApp.Guard(() =>
        {
            string path = parse.GetRequiredValue(session);
            Console.WriteLine(act(new SessionCommands(DspMixEngine.ForSession(path)), path));
            return CliApp.ExitOk;
        }));
        return command;
    }
}
