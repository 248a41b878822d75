using Mixwright.Dsp.Mixing;

namespace Mixwright.Dsp.Tests.Mixing;

public class WorkerTeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Every_item_of_every_step_runs_exactly_once(int size)
    {
        using var team = new WorkerTeam(size);
        var threads = new HashSet<int>();
        for (int step = 0; step < 2000; step++)
        {
            int count = step % 19;
            var runs = new int[count];
            team.Run(count, i =>
            {
                Interlocked.Increment(ref runs[i]);
                lock (threads) threads.Add(Environment.CurrentManagedThreadId);
            });
            Assert.All(runs, r => Assert.Equal(1, r));
        }
        Assert.InRange(threads.Count, 1, size);
    }

    [Fact]
    public void An_items_exception_comes_back_as_itself_and_the_team_goes_on()
    {
        using var team = new WorkerTeam(2);
        var e = Assert.Throws<IOException>(() => team.Run(16, i => { if (i == 7) throw new IOException("disk full"); }));
        Assert.Equal("disk full", e.Message);
        int done = 0;
        team.Run(16, _ => Interlocked.Increment(ref done));
        Assert.Equal(16, done);
    }
}
