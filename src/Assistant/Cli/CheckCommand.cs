using System.CommandLine;
using Mixwright.Tools.Check;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Cli;

/// <summary>`mixwright check SESSION [--json] [--target streaming]`: what is wrong with the mix, ranked, with proposals (nothing applied).</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var session = new Argument<string>("session") { Description = "Session file." };
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON." };
        var target = new Option<string>("--target")
        {
            Description = "Loudness target of the master: streaming (-14 LUFS), apple (-16), podcast (-16), podcast-quiet (-19), broadcast (EBU R128, -23), or a number of LUFS.",
            DefaultValueFactory = _ => DeliveryTarget.Default.Id,
        };
        var command = new Command("check", "Measure the mix and list what is wrong with it, most serious first, each with a proposed fix (nothing is changed).") { session, json, target };
        command.SetAction(parse => CliApp.Guard(() =>
        {
            string path = parse.GetRequiredValue(session);
            var delivery = DeliveryTarget.Parse(parse.GetValue(target));
            var report = MixCheck.Run(MixSession.Load(path), DspMixEngine.ForSession(path).CacheDirectory, delivery);
            Console.Write(parse.GetValue(json) ? report.ToJson() + Environment.NewLine : report.ToText());
            return CliApp.ExitOk;
        }));
        return command;
    }
}
