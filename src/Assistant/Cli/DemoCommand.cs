using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Demo;
using Mixwright.Tools.Moves;
using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// `mixwright demo`: the main job on the bundled demo. Makes the demo stems (MIDI rendered by fluidsynth),
/// creates a session from them, and walks the same tool calls the assistant makes: a first level balance
/// proposed with its reasons, committed, a loudness target for the master, a "why" answer, a short scripted
/// conversation with the assistant (proposal, question, commit, "why", undo), then the render.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "Folder for the demo stems, session and mix.", DefaultValueFactory = _ => "demo" };
        var command = new Command("demo", "Build the demo session from generated stems, balance it and render the mix.") { dir };
        command.SetAction(parse => CliApp.Guard(() => Run(Path.GetFullPath(parse.GetRequiredValue(dir)))));
        return command;
    }

    private static int Run(string dir)
    {
        string stemsDir = Path.Combine(dir, "stems");
        string sessionPath = Path.Combine(dir, "demo-session.json");
        Console.WriteLine($"Making the demo stems in {stemsDir} (fluidsynth, General MIDI soundfont)...");
        var stems = DemoStems.Create(stemsDir);
        Console.WriteLine($"  {stems.Count} stems: {string.Join(", ", stems.Select(Path.GetFileNameWithoutExtension))}");

        // A fresh session each run, so the demo always starts from the raw stems.
        foreach (var stale in new[] { sessionPath, sessionPath + ".lock" }) File.Delete(stale);
        var engine = DspMixEngine.ForSession(sessionPath);
        Console.WriteLine();
        Console.Write(new SessionCommands(engine).New(stemsDir, sessionPath));

        var session = MixSession.Load(sessionPath);
        var tools = new MixTools(session, engine);
        Step("The mix before any change", tools.AnalyzeMix());

        Step("balance_levels: a first static mix by role", tools.BalanceLevels());
        ShowProposal(session);
        Step("commit", tools.Commit());

        Step("set_master: loudness target for streaming", tools.SetMaster(loudness_target_lufs: -14, user_words: "make it loud enough for streaming"));
        ShowProposal(session);
        Step("commit", tools.Commit());

        var first = session.Stems[0].Name;
        Console.WriteLine();
        Console.WriteLine($"> why is the {first} gain set like that?");
        Console.WriteLine("  " + session.Explain(first, "gain"));

        Converse(session, engine);

        string mix = Path.Combine(dir, "demo-mix.wav");
        var rendered = engine.Render(session.ToMixDefinition(), mix);
        var a = rendered.Analysis;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rendered {rendered.OutputPath}: {a.IntegratedLufs:0.0} LUFS integrated, true peak {a.TruePeakDbtp:0.0} dBTP, loudness range {a.LoudnessRangeLu:0.0} LU, stereo width {a.StereoWidth:0.00}."));
        Console.WriteLine($"Session: {sessionPath} (try: mixwright state {sessionPath}, mixwright undo {sessionPath})");
        return CliApp.ExitOk;
    }

    /// <summary>
    /// The assistant in conversation, on the local back-end so the demo is the same every time: a proposal
    /// shown as a table and confirmed, a clarifying question and its answer, a "why", and an undo.
    /// </summary>
    private static readonly string[] Script =
    [
        "the bass is a bit boomy",
        "yes",
        "make the mix warmer",
        "softer highs",
        "yes",
        "why is the bass eq like that?",
        "undo",
    ];

    private static void Converse(MixSession session, IMixEngine engine)
    {
        Console.WriteLine();
        Console.WriteLine("# A short conversation (the local back-end; `mixwright chat` talks to an LLM when MIXWRIGHT_BACKEND says so)");
        var interpreter = new LocalInterpreter { Reader = RequestReaderLoader.Load(Console.Error) };
        var agent = new MixAgent(session, new ToolRunner(new MixTools(session, engine, new DescriptorResolver(PromptLibrary.Default))), MixAgent.LocalBackend, interpreter: interpreter);
        foreach (string line in Script)
        {
            Console.WriteLine();
            Console.WriteLine($"you> {line}");
            TurnPrinter.Print(agent.AskAsync(line).GetAwaiter().GetResult(), Console.Out);
        }
    }

    private static void Step(string title, string toolResult)
    {
        var result = JsonNode.Parse(toolResult)!;
        Console.WriteLine();
        Console.WriteLine($"# {title}");
        if (result["ok"]?.GetValue<bool>() != true)
            throw new InvalidOperationException($"The demo's {title} step failed: {result["error"]}");
        if (result["integrated_lufs"] is JsonNode lufs)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  integrated loudness {lufs} LUFS, true peak {result["true_peak_dbtp"]} dBTP"));
        if (result["message"] is JsonNode message) Console.WriteLine($"  {message}");
    }

    private static void ShowProposal(MixSession session)
    {
        foreach (var change in session.Pending?.Changes ?? [])
        {
            Console.WriteLine($"  {change.Describe()}");
            Console.WriteLine($"      why: {DisplayText.Clean(change.Rationale.Sentence, 300)}" +
                              (change.Rationale.Measurement is string m ? $" ({DisplayText.Clean(m, 200)})" : ""));
        }
    }
}
