using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// `mixwright ask SESSION "text" [--json] [--yes]`: one turn of the conversation, for scripts. The pending
/// proposal and the conversation's memory stay in the session, so a later `ask SESSION "yes"` applies it.
/// </summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var session = new Argument<string>("session") { Description = "Session file." };
        var text = new Argument<string>("text") { Description = "What you want, in your own words." };
        var json = new Option<bool>("--json") { Description = "Print {\"reply\", \"question\", \"proposal\", \"committed\"} as JSON." };
        var yes = new Option<bool>("--yes") { Description = "Apply proposals without asking." };
        var command = new Command("ask", "One turn of the conversation: propose changes, answer, or apply what you confirm.") { session, text, json, yes };
        command.SetAction(parse => CliApp.Guard(() =>
        {
            var agent = AgentSetup.Open(parse.GetRequiredValue(session), parse.GetValue(yes));
            var turn = agent.AskAsync(parse.GetRequiredValue(text)).GetAwaiter().GetResult();
            if (parse.GetValue(json)) Console.WriteLine(TurnPrinter.Json(turn).ToJsonString(Pretty));
            else TurnPrinter.Print(turn, Console.Out);
            return CliApp.ExitOk;
        }));
        return command;
    }
}
