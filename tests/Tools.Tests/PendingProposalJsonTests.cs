using System.Text.Json.Nodes;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>The session file and `state --json` write the pending proposal with one writer, so they agree.</summary>
public sealed class PendingProposalJsonTests : IDisposable
{
    private readonly TempSession _temp = new("Vox.wav", "Bass.wav");

    public void Dispose() => _temp.Dispose();

    private static ChangeRequest Gain(string track, double db) =>
        new(MixTarget.ForTrack(track), "gain_db", ParameterValue.Of(db), new Rationale(RationaleSource.Manual, "Level."));

    private JsonObject FileJson(MixSession session) => JsonNode.Parse(File.ReadAllText(session.FilePath))!["pending_proposal"]!.AsObject();

    private JsonObject StateJson(MixSession session) =>
        JsonNode.Parse(new SessionCommands(_temp.Engine).StateJson(session.FilePath))!["pending_proposal"]!.AsObject();

    [Fact]
    public void The_file_and_the_state_describe_the_pending_proposal_the_same_way()
    {
        var session = _temp.Create();
        session.Propose([Gain("Vox", 2)], "Vocal on top");

        var inFile = FileJson(session);
        var inState = StateJson(session);
        Assert.Equal(inFile.Select(kv => kv.Key), inState.Select(kv => kv.Key));
        Assert.Equal("Vocal on top", inFile["summary"]!.GetValue<string>());
        Assert.Equal("Vocal on top", inState["summary"]!.GetValue<string>());
    }

    [Fact]
    public void A_summary_nobody_gave_is_shown_but_still_follows_the_proposal_after_a_reload()
    {
        var session = _temp.Create();
        var proposal = session.Propose([Gain("Vox", 2)]);
        Assert.Equal(proposal.Title, StateJson(session)["summary"]!.GetValue<string>());
        Assert.False(FileJson(session)["summary_given"]!.GetValue<bool>());

        var reloaded = MixSession.Load(session.FilePath);
        Assert.Null(reloaded.Pending!.Summary);
        Assert.Equal(proposal.Title, reloaded.Pending.Title);
    }

    [Fact]
    public void A_file_written_before_summary_given_keeps_its_summary_as_given()
    {
        var session = _temp.Create();
        session.Propose([Gain("Vox", 2)], "Vocal on top");
        var json = JsonNode.Parse(File.ReadAllText(session.FilePath))!.AsObject();
        json["pending_proposal"]!.AsObject().Remove("summary_given");
        File.WriteAllText(session.FilePath, json.ToJsonString());

        Assert.Equal("Vocal on top", MixSession.Load(session.FilePath).Pending!.Summary);
    }
}
