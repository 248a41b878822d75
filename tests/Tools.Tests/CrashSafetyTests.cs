using Mixwright.Dsp.Audio;
using Mixwright.Tools.Persistence;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>A writer that dies mid-save never damages the previous session file.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempSession _temp = new("Vox.wav", "Bass.wav");

    public void Dispose() => _temp.Dispose();

    private static ChangeRequest Gain(string track, double db) =>
        new(MixTarget.ForTrack(track), "gain_db", ParameterValue.Of(db), new Rationale(RationaleSource.Manual, "test"));

    [Fact]
    public void An_abandoned_write_leaves_the_target_as_it_was()
    {
        string target = Path.Combine(_temp.Root, "file.json");
        File.WriteAllText(target, "previous content");

        using (var writer = new AtomicFileWriter(target))
        {
            writer.Stream.Write("half of the new"u8);
            writer.Stream.Flush();
            Assert.Equal("previous content", File.ReadAllText(target));
        }

        Assert.Equal("previous content", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(_temp.Root));
    }

    [Fact]
    public void An_exception_mid_write_leaves_the_session_loadable()
    {
        var session = _temp.Create();
        session.Propose([Gain("Vox", 2)]);
        session.Commit();
        string before = File.ReadAllText(session.FilePath);

        void WriteThatFailsHalfway()
        {
            using var writer = new AtomicFileWriter(session.FilePath);
            writer.Stream.Write(File.ReadAllBytes(session.FilePath).AsSpan(0, 100));
            throw new IOException("disk full");
        }

        Assert.Throws<IOException>(WriteThatFailsHalfway);

        Assert.Equal(before, File.ReadAllText(session.FilePath));
        Assert.Equal(2, MixSession.Load(session.FilePath).Console.Track("Vox").GainDb);
    }

    [Fact]
    public void A_writer_killed_mid_save_leaves_the_previous_file_intact_and_its_lock_is_taken_over()
    {
        var session = _temp.Create();
        session.Propose([Gain("Vox", 2)]);
        session.Commit();
        string before = File.ReadAllText(session.FilePath);

        using (var child = ChildProcess.Start("hold-lock-mid-write", session.FilePath))
        {
            string ready = child.ReadLine(TimeSpan.FromSeconds(30));
            Assert.StartsWith("ready ", ready);
            string temp = ready["ready ".Length..];
            Assert.True(File.Exists(temp), "the child's half-written temporary file exists");

            // While it holds the lock, another writer is told who holds it and nothing is written.
            var blocked = Assert.Throws<SessionConflictException>(() => session.Propose([Gain("Bass", -1)]));
            Assert.Contains($"pid {child.Id}", blocked.Message);
            Assert.Contains("Nothing was saved", blocked.Message);
            Assert.Null(session.Pending);

            child.Kill();
        }

        Assert.Equal(before, File.ReadAllText(session.FilePath));
        var reloaded = MixSession.Load(session.FilePath);
        Assert.Equal(2, reloaded.Console.Track("Vox").GainDb);
        Assert.True(File.Exists(SessionLock.LockPathFor(session.FilePath)), "the dead writer's lock file is still there");

        // The dead process's lock is taken over, and its leftover temporary file is cleaned up.
        reloaded.Propose([Gain("Bass", -1)]);
        reloaded.Commit();
        Assert.Equal(-1, MixSession.Load(session.FilePath).Console.Track("Bass").GainDb);
        Assert.Empty(Directory.GetFiles(_temp.Root, AtomicFileWriter.TempPrefix(session.FilePath) + "*"));
    }

    [Fact]
    public void Kill_9_at_random_moments_of_60_committing_turns_loses_and_tears_nothing_and_leaves_no_lock_in_the_way()
    {
        var session = _temp.Create();
        var random = new Random(12);
        int turns = 0, kills = 0, saved = 0;
        while (turns < 60 || kills < 20)
        {
            using (var child = ChildProcess.Start("commit-turns", session.FilePath))
            {
                Assert.Equal("started", child.ReadLine(TimeSpan.FromSeconds(30)));
                Thread.Sleep(random.Next(0, 60));   // anywhere in a turn: proposing, writing, renaming, syncing
                child.Kill();
                kills++;
                turns += child.ReadToEnd().Split('\n').Count(l => l.StartsWith("turn ", StringComparison.Ordinal));
            }

            // Never torn: the file loads; never lost: every turn the child reported saved is in it.
            var reloaded = MixSession.Load(session.FilePath);
            int committed = reloaded.History.ChangeSets.Length;
            Assert.True(committed >= saved, $"after kill {kills}: {committed} change sets, fewer than the {saved} saved before");
            Assert.InRange(committed, turns, turns + kills); // at most the one turn per kill saved but not yet reported

            // The next turn is not blocked by the dead writer's lock.
            reloaded.Propose([Gain("Bass", -(kills % 10))]);
            reloaded.Commit();
            turns++;
            saved = MixSession.Load(session.FilePath).History.ChangeSets.Length;
            Assert.Equal(committed + 1, saved);
        }
        Assert.Empty(Directory.GetFiles(_temp.Root, AtomicFileWriter.TempPrefix(session.FilePath) + "*"));
    }
}
