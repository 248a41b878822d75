using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>One conversational turn, one save: changes inside a deferred scope reach the file together, or not at all.</summary>
public sealed class DeferredSaveTests : IDisposable
{
    private readonly TempSession _temp = new("Kick.wav", "Bass.wav");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Changes_in_a_scope_are_saved_once_when_it_ends()
    {
        var session = _temp.Create();
        var tools = _temp.Tools(session);
        long version = session.Version;

        using (session.DeferSaves())
        {
            session.BeginTurn();
            ToolJson.Ok(tools.SetGain("Kick", delta_db: 2));
            ToolJson.Ok(tools.SetGain("Bass", delta_db: -1));
            Assert.Equal(version, MixSession.Load(session.FilePath).Version);
        }

        var reloaded = MixSession.Load(session.FilePath);
        Assert.Equal(version + 1, reloaded.Version);
        Assert.Equal(2, reloaded.Pending!.Changes.Length);
        Assert.Equal(1, reloaded.Conversation.Turn);
    }

    [Fact]
    public void A_scope_whose_save_conflicts_reloads_and_reports_it()
    {
        var session = _temp.Create();
        var other = MixSession.Load(session.FilePath);
        var tools = _temp.Tools(session);

        var scope = session.DeferSaves();
        ToolJson.Ok(tools.SetGain("Kick", delta_db: 2));
        other.SetRole("Bass", Roles.StemRole.Bass);

        Assert.Throws<SessionConflictException>(scope.Dispose);
        Assert.Null(session.Pending);
        Assert.Equal(MixSession.Load(session.FilePath).Version, session.Version);
    }
}
