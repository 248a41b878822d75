using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>Two writers on one session: one wins, the other gets a clear message, the file stays whole.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempSession _temp = new("Vox.wav", "Bass.wav", "Kick.wav");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_handle_that_loaded_an_older_version_cannot_overwrite_a_newer_one()
    {
        var first = _temp.Create();
        var second = MixSession.Load(first.FilePath);
        var toolsA = _temp.Tools(first);
        var toolsB = _temp.Tools(second);

        ToolJson.Ok(toolsA.SetGain("Vox", 3));
        string error = ToolJson.Error(toolsB.SetGain("Bass", -4));

        Assert.Contains("was changed by another mixwright process since this one loaded it", error);
        Assert.Contains("reload the session", error);
        Assert.Null(second.Pending);
        var onDisk = MixSession.Load(first.FilePath);
        Assert.Equal(3, onDisk.Pending!.Changes.Single().To.Number);

        second.Reload();
        ToolJson.Ok(toolsB.SetGain("Bass", -4));
        Assert.Equal(2, MixSession.Load(first.FilePath).Pending!.Changes.Length);
    }

    [Fact]
    public void An_undo_from_the_command_line_conflicts_with_a_stale_chat_session()
    {
        var chat = _temp.Create();
        var tools = _temp.Tools(chat);
        tools.SetGain("Kick", 2);
        tools.Commit();

        new SessionCommands(_temp.Engine).Undo(chat.FilePath);

        Assert.Contains("changed by another mixwright process", ToolJson.Error(tools.SetGain("Bass", 1)));
        Assert.Null(chat.Pending);
        Assert.Equal(2, chat.Console.Track("Kick").GainDb);
        Assert.Equal(0, MixSession.Load(chat.FilePath).Console.Track("Kick").GainDb);
    }

    [Fact]
    public void Two_processes_committing_at_once_do_not_corrupt_the_session()
    {
        var session = _temp.Create();
        string go = Path.Combine(_temp.Root, "go");
        using var a = ChildProcess.Start("commit-gain", session.FilePath, "5", go);
        using var b = ChildProcess.Start("commit-gain", session.FilePath, "-5", go);
        Assert.Equal("loaded", a.ReadLine(TimeSpan.FromSeconds(30)));
        Assert.Equal("loaded", b.ReadLine(TimeSpan.FromSeconds(30)));

        File.WriteAllText(go, "");
        string outA = a.ReadLine(TimeSpan.FromSeconds(30));
        string outB = b.ReadLine(TimeSpan.FromSeconds(30));
        int exitA = a.WaitForExit(TimeSpan.FromSeconds(30));
        int exitB = b.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.Equal([0, 3], new[] { exitA, exitB }.Order());
        string conflict = exitA == 3 ? outA : outB;
        Assert.StartsWith("conflict: ", conflict);
        Assert.Contains("Nothing was saved", conflict);

        var final = MixSession.Load(session.FilePath);
        var changeSet = Assert.Single(final.History.ChangeSets);
        double winner = exitA == 0 ? 5 : -5;
        Assert.Equal(winner, changeSet.Changes.Single().To.Number);
        Assert.Equal(winner, final.Console.Track(final.Stems[0].Name).GainDb);
    }
}
