using System.CommandLine;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Matching;
using Mixwright.Assistant.Tui;
using Mixwright.Tools.Moves;
using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;
using Terminal.Gui.App;

namespace Mixwright.Assistant.Cli;

/// <summary>`mixwright tui SESSION|STEMS_DIR`: the full-screen console (chat, tracks, proposal, meters).</summary>
internal static class TuiCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("session-or-stems")
        {
            Description = $"Session file, or a folder of stems (its {SessionCommands.DefaultSessionFileName} is opened, or created first).",
        };
        var command = new Command("tui", "Open the full-screen mixing console: chat beside the tracks, the proposal and the meters.") { target };
        command.SetAction(parse => CliApp.Guard(() => Run(parse.GetRequiredValue(target))));
        return command;
    }

    private static int Run(string target)
    {
        string sessionPath = SessionFileFor(target);
        var desk = new MixingDesk(MixSession.Load(sessionPath), DspMixEngine.ForSession(sessionPath),
            new DescriptorResolver(PromptLibrary.Default), LazyReferenceMatcher.Default());
        using IApplication app = Application.Create();
        app.Init();
        using var window = new MainWindow(app, desk, new LocalTurnHandler(desk.Tools, ReaderInterpreter()), new AudioPlayer());
        app.Run(window);
        return CliApp.ExitOk;
    }

    /// <summary>A session file as given; for a folder, the session in it, created from its stems when there is none.</summary>
    private static string SessionFileFor(string target)
    {
        if (File.Exists(target)) return Path.GetFullPath(target);
        if (!Directory.Exists(target))
            throw new SessionException($"{Tools.Text.DisplayText.Quote(Path.GetFullPath(target))} is neither a session file nor a folder of stems.");
        string sessionPath = Path.GetFullPath(Path.Combine(target, SessionCommands.DefaultSessionFileName));
        if (!File.Exists(sessionPath)) Console.Write(new SessionCommands(DspMixEngine.ForSession(sessionPath)).New(target));
        return sessionPath;
    }

    /// <summary>The local interpreter with the learned reader loading in the background while the desk opens.</summary>
    private static LocalInterpreter ReaderInterpreter()
    {
        var interpreter = new LocalInterpreter();
        interpreter.UseReaderWhenLoaded(RequestReaderLoader.Start());
        return interpreter;
    }
}
