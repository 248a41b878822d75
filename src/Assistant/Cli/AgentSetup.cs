using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Agent.Backends;
using Mixwright.Assistant.Matching;
using Mixwright.Tools.Moves;
using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Cli;

/// <summary>Opens a session (or makes one from a folder of stems) and the agent over it, with the configured back-end.</summary>
internal static class AgentSetup
{
    public static MixAgent Open(string sessionPath, bool autoConfirm, BackendConfiguration? backend = null)
    {
        // The reader loads while the session does; the first turn waits for it if it is not done.
        var interpreter = new LocalInterpreter();
        interpreter.UseReaderWhenLoaded(RequestReaderLoader.Start(Console.Error));
        var session = MixSession.Load(sessionPath);
        var engine = DspMixEngine.ForSession(session.FilePath);
        var config = backend ?? BackendConfiguration.Load();
        var runner = new ToolRunner(new MixTools(session, engine, new DescriptorResolver(PromptLibrary.Default), LazyReferenceMatcher.Default()));
        return new MixAgent(session, runner, ChatBackends.Create(config),
            new AgentOptions { AutoConfirm = autoConfirm, HistoryTokenBudget = config.HistoryTokens }, interpreter);
    }

    /// <summary>A session file as given, or the session inside a stems folder (created on first use).</summary>
    public static string SessionFor(string sessionOrStems, TextWriter log)
    {
        if (!Directory.Exists(sessionOrStems)) return sessionOrStems;
        string path = Path.Combine(sessionOrStems, SessionCommands.DefaultSessionFileName);
        if (!File.Exists(path))
        {
            log.WriteLine($"Making a session from the stems in {Path.GetFullPath(sessionOrStems)}...");
            log.Write(new SessionCommands(DspMixEngine.ForSession(path)).New(sessionOrStems, path));
        }
        return path;
    }
}
