using System.Text.Json.Nodes;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

public sealed class StateJsonTests : IDisposable
{
    private readonly TempSession _temp;
    private readonly MixSession _session;

    public StateJsonTests()
    {
        var engine = new FakeMixEngine().Register("Vox.wav", FakeMixEngine.Summary(-17.25)).Register("ボーカル.wav", FakeMixEngine.Summary(-19));
        _temp = new TempSession(engine, "Vox.wav", "Bass.wav", "ボーカル.wav");
        _session = _temp.Create(new SteppingClock());
    }

    public void Dispose() => _temp.Dispose();

    private JsonObject State() => JsonNode.Parse(new SessionCommands(_temp.Engine).StateJson(_session.FilePath))!.AsObject();

    private static JsonObject Track(JsonObject state, string name) =>
        state["tracks"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!.AsObject();

    [Fact]
    public void Tracks_have_every_field_the_issue_lists()
    {
        var track = Track(State(), "Vox");

        foreach (string key in new[] { "name", "role", "file", "gain_db", "pan", "mute", "solo", "eq", "compressor", "reverb_send_db", "width", "eq_response_db" })
            Assert.True(track.ContainsKey(key), $"track has {key}");
        Assert.Equal("vocals", track["role"]!.GetValue<string>());
        Assert.Equal("stems/Vox.wav", track["file"]!.GetValue<string>());
        var band = track["eq"]!["bands"]!.AsArray()[0]!.AsObject();
        Assert.Equal(["band", "type", "freq_hz", "gain_db", "q"], band.Select(p => p.Key));
        Assert.Equal("low_shelf", band["type"]!.GetValue<string>());
        // JSON objects are unordered: exactly the issue's fields plus the detector mode, in any order.
        Assert.Equal(["attack_ms", "detector", "enabled", "knee_db", "makeup_db", "ratio", "release_ms", "threshold_db"],
            track["compressor"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(OctaveBands.Labels, track["eq_response_db"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Master_has_eq_compressor_and_response_too()
    {
        var master = State()["master"]!.AsObject();

        Assert.Equal(6, master["eq"]!["bands"]!.AsArray().Count);
        Assert.False(master["compressor"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(OctaveBands.Labels, master["eq_response_db"]!.AsObject().Select(p => p.Key));
        Assert.True(master["limiter"]!["enabled"]!.GetValue<bool>());
        Assert.Null(master["loudness_target_lufs"]);
    }

    [Fact]
    public void Eq_response_follows_the_committed_eq_and_high_pass()
    {
        var tools = _temp.Tools(_session);
        tools.SetEqBand("Vox", 3, freq_hz: 500, gain_db: 6, q: 2);
        tools.Commit();
        var rumble = new Rationale(RationaleSource.Manual, "Clear the rumble.");
        _session.Propose(
        [
            new ChangeRequest(MixTarget.ForTrack("Vox"), "high_pass.enabled", ParameterValue.Of(true), rumble),
            new ChangeRequest(MixTarget.ForTrack("Vox"), "high_pass.freq_hz", ParameterValue.Of(90), rumble),
        ]);
        _session.Commit();

        var response = Track(State(), "Vox")["eq_response_db"]!;

        Assert.Equal(6, response["500"]!.GetValue<double>(), 1);
        Assert.True(response["31"]!.GetValue<double>() < -3, "the high-pass cuts 31 Hz");
        Assert.Equal(0, response["8000"]!.GetValue<double>(), 1);
    }

    [Fact]
    public void History_lists_change_sets_with_rationale()
    {
        var tools = _temp.Tools(_session);
        _session.BeginTurn();
        tools.SetGain("Vox", 2, reason: "Vocal on top.", user_words: "vocals up", measurement: "vocals sit 4 LU under the bed");
        tools.Commit();
        tools.SetPan("Bass", 0.1);

        var state = State();

        var changeSet = state["history"]!.AsArray().Single()!;
        Assert.Equal("cs-1", changeSet["id"]!.GetValue<string>());
        Assert.Equal("2025-03-14T09:02:00+00:00", changeSet["time"]!.GetValue<string>());
        Assert.True(changeSet["applied"]!.GetValue<bool>());
        var change = changeSet["changes"]!.AsArray().Single()!;
        Assert.Equal(0, change["from"]!.GetValue<double>());
        Assert.Equal(2, change["to"]!.GetValue<double>());
        Assert.Equal("user_words", change["rationale"]!["source"]!.GetValue<string>());
        Assert.Equal("vocals up", change["rationale"]!["quote"]!.GetValue<string>());
        Assert.Equal("vocals sit 4 LU under the bed", change["rationale"]!["measurement"]!.GetValue<string>());
        Assert.Equal("Vocal on top.", change["rationale"]!["sentence"]!.GetValue<string>());
        Assert.Equal("p-2", state["pending_proposal"]!["id"]!.GetValue<string>());
        Assert.True(state["can_undo"]!.GetValue<bool>());
    }

    [Fact]
    public void Analysis_comes_from_the_sidecar_cache_without_decoding_audio()
    {
        int analysesBefore = _temp.Engine.AnalyzeStemCalls;

        var track = Track(State(), "Vox");

        Assert.Equal(analysesBefore, _temp.Engine.AnalyzeStemCalls);
        Assert.Equal(0, _temp.Engine.AnalyzeMixCalls);
        Assert.Equal("cached", track["analysis_status"]!.GetValue<string>());
        Assert.Equal(-17.25, track["analysis"]!["integrated_lufs"]!.GetValue<double>());
    }

    [Fact]
    public void A_changed_or_missing_stem_is_reported_not_decoded()
    {
        File.WriteAllBytes(Path.Combine(_temp.StemsDir, "Vox.wav"), TestWav.Bytes(seed: 1234, frames: 300));
        File.Delete(Path.Combine(_temp.StemsDir, "Bass.wav"));
        int analysesBefore = _temp.Engine.AnalyzeStemCalls;

        var state = State();

        Assert.Equal("stem_changed", Track(state, "Vox")["analysis_status"]!.GetValue<string>());
        Assert.Null(Track(state, "Vox")["analysis"]);
        Assert.Equal("stem_missing", Track(state, "Bass")["analysis_status"]!.GetValue<string>());
        Assert.Equal(analysesBefore, _temp.Engine.AnalyzeStemCalls);
    }

    [Fact]
    public void Non_latin_names_stay_readable()
    {
        string json = new SessionCommands(_temp.Engine).StateJson(_session.FilePath);

        Assert.Contains("\"name\": \"ボーカル\"", json);
        Assert.Equal("vocals", Track(State(), "ボーカル")["role"]!.GetValue<string>());
    }
}
