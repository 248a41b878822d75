using Mixwright.Dsp.Audio;
using Mixwright.Tools.Persistence;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Tests.Support;

/// <summary>
/// The test assembly's entry point. Run by the test runner it does nothing; run as a child process it plays
/// a second mixwright writer, so crash and concurrency tests use real processes that can really be killed.
/// </summary>
internal static class ChildProcessEntry
{
    public static int Main(string[] args)
    {
        if (args.Length == 0) return 0;
        switch (args[0])
        {
            case "hold-lock-mid-write":
                return HoldLockMidWrite(args[1]);
            case "commit-gain":
                return CommitGain(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
            case "commit-turns":
                return CommitTurns(args[1]);
            default:
                Console.Error.WriteLine("unknown child command " + args[0]);
                return 2;
        }
    }

    /// <summary>Takes the session lock and writes half a session file, then waits to be killed.</summary>
    private static int HoldLockMidWrite(string sessionPath)
    {
        var held = SessionLock.Acquire(sessionPath);
        var writer = new AtomicFileWriter(sessionPath);
        writer.Stream.Write("{\n  \"format\": 1,\n  \"version\": 99,\n  \"tracks\": [ { \"name\": \"half-wri"u8);
        writer.Stream.Flush();
        Console.WriteLine("ready " + writer.TempPath);
        GC.KeepAlive(held);
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    /// <summary>Loads the session, waits for the go signal, then proposes and commits a gain on the first track.</summary>
    private static int CommitGain(string sessionPath, double gainDb, string goFile)
    {
        var session = MixSession.Load(sessionPath);
        Console.WriteLine("loaded");
        while (!File.Exists(goFile)) Thread.Sleep(2);
        try
        {
            var track = MixTarget.ForTrack(session.Stems[0].Name);
            session.Propose([new ChangeRequest(track, "gain_db", ParameterValue.Of(gainDb), new Rationale(RationaleSource.Manual, "child process edit"))]);
            session.Commit();
            Console.WriteLine("saved");
            return 0;
        }
        catch (SessionConflictException e)
        {
            Console.WriteLine("conflict: " + e.Message);
            return 3;
        }
    }

    /// <summary>Commits one turn after another, as a chat does, printing "turn N" once each is saved; runs until killed.</summary>
    private static int CommitTurns(string sessionPath)
    {
        var session = MixSession.Load(sessionPath);
        Console.WriteLine("started");
        var track = MixTarget.ForTrack(session.Stems[0].Name);
        for (int n = 1; ; n++)
        {
            using (session.DeferSaves())
            {
                session.BeginTurn();
                double gain = (session.History.ChangeSets.Length % 20) - 10;
                session.Propose([new ChangeRequest(track, "gain_db", ParameterValue.Of(gain), new Rationale(RationaleSource.Manual, $"turn {n}"))]);
                session.Commit();
            }
            Console.WriteLine($"turn {n}");
        }
    }
}
