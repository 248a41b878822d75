using System.Text.Json.Nodes;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>Every tool: a valid call, and each invalid argument leaves the session exactly as it was.</summary>
public sealed class MixToolsTests : IDisposable
{
    private readonly TempSession _temp = new("Lead Vox.wav", "BV.wav", "Kick.wav", "Bass.wav", "Gtr L.wav", "Gtr R.wav", "Pad.wav");
    private readonly MixSession _session;
    private readonly MixTools _tools;

    public MixToolsTests()
    {
        _temp.Engine.Register("Kick.wav", FakeMixEngine.Summary(-21.5));
        _session = _temp.Create();
        _tools = _temp.Tools(_session);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs an invalid call and checks the message and that nothing at all changed, on disk or in memory.</summary>
    private string Rejected(Func<string> call, params string[] messageParts)
    {
        long version = _session.Version;
        var pending = _session.Pending;
        var console = _session.Console;
        string fileBefore = File.ReadAllText(_session.FilePath);

        string error = ToolJson.Error(call());

        foreach (string part in messageParts) Assert.Contains(part, error);
        Assert.Contains("Nothing was", error);
        Assert.Equal(version, _session.Version);
        Assert.Equal(pending, _session.Pending);
        Assert.Same(console, _session.Console);
        Assert.Equal(fileBefore, File.ReadAllText(_session.FilePath));
        return error;
    }

    private static JsonArray Changes(JsonObject result) => result["changes"]!.AsArray();

    [Fact]
    public void List_tracks_shows_names_roles_and_strips()
    {
        var result = ToolJson.Ok(_tools.ListTracks());

        var tracks = result["tracks"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        Assert.Equal(["Bass", "BV", "Gtr L", "Gtr R", "Kick", "Lead Vox", "Pad"], tracks.Keys);
        Assert.Equal("lead_vocal", tracks["Lead Vox"]["role"]!.GetValue<string>());
        Assert.Equal("backing_vocals", tracks["BV"]["role"]!.GetValue<string>());
        Assert.Equal(0, tracks["Lead Vox"]["gain_db"]!.GetValue<double>());
        Assert.False(result["can_undo"]!.GetValue<bool>());
        Assert.Null(result["pending_proposal"]);
    }

    [Fact]
    public void Analyze_track_reports_the_stem_and_its_level_at_the_fader()
    {
        var result = ToolJson.Ok(_tools.AnalyzeTrack("kick"));

        Assert.Equal("Kick", result["track"]!.GetValue<string>());
        Assert.Equal(-21.5, result["integrated_lufs"]!.GetValue<double>());
        Assert.Equal(-21.5, result["at_fader_lufs"]!.GetValue<double>());
        Assert.Equal(10, result["octave_db"]!.AsObject().Count);
    }

    [Fact]
    public void Analyze_track_rejects_an_unknown_track_and_lists_the_real_ones()
    {
        string error = ToolJson.Error(_tools.AnalyzeTrack("theremin"));
        Assert.Contains("No track matches \"theremin\"", error);
        Assert.Contains("\"Gtr L\"", error);
    }

    [Fact]
    public void Analyze_mix_measures_the_requested_history_point()
    {
        var result = ToolJson.Ok(_tools.AnalyzeMix());

        Assert.Equal("current", result["point"]!.GetValue<string>());
        Assert.True(result["integrated_lufs"]!.GetValue<double>() < 0);
        Assert.Equal(1, _temp.Engine.AnalyzeMixCalls);
        Assert.Equal(7, _temp.Engine.LastMix!.Tracks.Length);
    }

    [Fact]
    public void Analyze_mix_rejects_an_unknown_point()
    {
        string error = ToolJson.Error(_tools.AnalyzeMix("yesterday"));
        Assert.Contains("Unknown history point \"yesterday\"", error);
        Assert.Contains("cs-3", error);
    }

    [Fact]
    public void Set_gain_proposes_without_applying()
    {
        var result = ToolJson.Ok(_tools.SetGain("the lead vox", 3, reason: "I raised the vocal so the words stay on top.", user_words: "vocals up a bit"));

        var change = Changes(result)[0]!;
        Assert.Equal("Lead Vox", change["target"]!.GetValue<string>());
        Assert.Equal("gain_db", change["parameter"]!.GetValue<string>());
        Assert.Equal(0, change["from"]!.GetValue<double>());
        Assert.Equal(3, change["to"]!.GetValue<double>());
        Assert.Equal("dB", change["unit"]!.GetValue<string>());
        Assert.Equal("user_words", change["source"]!.GetValue<string>());
        Assert.Equal(0, _session.Console.Track("Lead Vox").GainDb);
        Assert.NotNull(_session.Pending);
    }

    [Theory]
    [InlineData(30, "gain_db must be between -48 and +24 dB (got +30)")]
    [InlineData(-60, "gain_db must be between -48 and +24 dB (got -60)")]
    [InlineData(double.NaN, "gain_db must be between -48 and +24 dB (got NaN)")]
    public void Set_gain_out_of_range_names_the_range_and_changes_nothing(double gain, string message)
    {
        Rejected(() => _tools.SetGain("Lead Vox", gain), "Lead Vox: " + message);
    }

    [Fact]
    public void Set_gain_on_an_ambiguous_track_lists_the_candidates()
    {
        Rejected(() => _tools.SetGain("guitar", 2), "\"guitar\" could mean \"Gtr L\", \"Gtr R\"");
    }

    [Fact]
    public void Set_pan_proposes_and_rejects_beyond_hard_left_or_right()
    {
        var change = Changes(ToolJson.Ok(_tools.SetPan("Gtr L", -0.7)))[0]!;
        Assert.Equal(-0.7, change["to"]!.GetValue<double>());

        Rejected(() => _tools.SetPan("Gtr R", 1.5), "pan must be between -1 and +1 (got +1.5)");
        Rejected(() => _tools.SetPan("nobody", 0.5), "No track matches \"nobody\"");
    }

    [Fact]
    public void Set_eq_band_proposes_only_the_values_given()
    {
        var result = ToolJson.Ok(_tools.SetEqBand("Lead Vox", 3, freq_hz: 300, gain_db: -4, reason: "Less boxy."));

        var names = Changes(result).Select(c => c!["parameter"]!.GetValue<string>()).ToArray();
        Assert.Equal(["eq.band3.freq_hz", "eq.band3.gain_db"], names);
    }

    [Fact]
    public void Set_eq_band_works_on_the_master()
    {
        var change = Changes(ToolJson.Ok(_tools.SetEqBand("master", 6, gain_db: 1.5)))[0]!;
        Assert.Equal("master", change["target"]!.GetValue<string>());
        Assert.Equal("eq.band6.gain_db", change["parameter"]!.GetValue<string>());
    }

    [Fact]
    public void Set_eq_band_rejects_each_bad_argument()
    {
        Rejected(() => _tools.SetEqBand("Lead Vox", 7, gain_db: 2), "band must be 1 to 6", "(got 7)");
        Rejected(() => _tools.SetEqBand("Lead Vox", 0, gain_db: 2), "band must be 1 to 6", "(got 0)");
        Rejected(() => _tools.SetEqBand("Lead Vox", 2, freq_hz: 30000), "freq_hz must be between +20 and +20000 Hz (got +30000)");
        Rejected(() => _tools.SetEqBand("Lead Vox", 2, gain_db: 30), "gain_db must be between -24 and +24 dB (got +30)");
        Rejected(() => _tools.SetEqBand("Lead Vox", 2, q: 0), "q must be between +0.1 and +10 (got 0)");
        Rejected(() => _tools.SetEqBand("Lead Vox", 2), "needs at least one of freq_hz, gain_db, delta_db or q");
        Rejected(() => _tools.SetEqBand("reverb", 2, gain_db: 1), "reverb bus has no EQ");
    }

    [Fact]
    public void Set_eq_band_validates_every_value_before_proposing_any()
    {
        Rejected(() => _tools.SetEqBand("Lead Vox", 2, freq_hz: 400, gain_db: 99), "gain_db must be between");
        Assert.Null(_session.Pending);
    }

    [Fact]
    public void Reset_eq_proposes_flat_bands_after_an_eq_change()
    {
        _tools.SetEqBand("Bass", 1, freq_hz: 100, gain_db: 4);
        ToolJson.Ok(_tools.Commit());

        var result = ToolJson.Ok(_tools.ResetEq("Bass"));

        var changes = Changes(result);
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c!["parameter"]!.GetValue<string>() == "eq.band1.gain_db" && c["to"]!.GetValue<double>() == 0);
        Assert.Contains(changes, c => c!["parameter"]!.GetValue<string>() == "eq.band1.freq_hz" && c["to"]!.GetValue<double>() == 80);
    }

    [Fact]
    public void Reset_eq_on_a_flat_eq_says_so()
    {
        Rejected(() => _tools.ResetEq("Pad"), "Pad eq.band1.freq_hz is already 80 Hz", "Nothing to propose");
        Rejected(() => _tools.ResetEq(""), "Name a track");
    }

    [Fact]
    public void Set_compressor_switches_it_on_with_the_values_given()
    {
        var result = ToolJson.Ok(_tools.SetCompressor("Lead Vox", threshold_db: -20, ratio: 3, reason: "Steadier vocal level."));

        var changes = Changes(result).ToDictionary(c => c!["parameter"]!.GetValue<string>(), c => c!["to"]);
        Assert.True(changes["compressor.enabled"]!.GetValue<bool>());
        Assert.Equal(-20, changes["compressor.threshold_db"]!.GetValue<double>());
        Assert.Equal(3, changes["compressor.ratio"]!.GetValue<double>());
        Assert.Equal(3, changes.Count);
    }

    [Fact]
    public void Set_compressor_rejects_each_bad_argument()
    {
        Rejected(() => _tools.SetCompressor("Bass", ratio: 50), "ratio must be between +1 and +20 :1 (got +50)");
        Rejected(() => _tools.SetCompressor("Bass", threshold_db: 5), "threshold_db must be between -60 and 0 dBFS (got +5)");
        Rejected(() => _tools.SetCompressor("Bass", attack_ms: 0), "attack_ms must be between +0.1 and +200 ms (got 0)");
        Rejected(() => _tools.SetCompressor("Bass", release_ms: 3000), "release_ms must be between +5 and +2000 ms");
        Rejected(() => _tools.SetCompressor("Bass", knee_db: -1), "knee_db must be between 0 and +24 dB");
        Rejected(() => _tools.SetCompressor("Bass", makeup_db: 30), "makeup_db must be between -12 and +24 dB");
        Rejected(() => _tools.SetCompressor("Bass"), "set_compressor needs steps, enabled, or at least one of");
    }

    [Fact]
    public void Set_compressor_can_only_bypass()
    {
        Rejected(() => _tools.SetCompressor("Bass", enabled: false), "compressor.enabled is already off");
        var change = Changes(ToolJson.Ok(_tools.SetCompressor("Bass", enabled: true)))[0]!;
        Assert.True(change["to"]!.GetValue<bool>());
    }

    [Fact]
    public void Set_reverb_proposes_a_send_and_bus_settings()
    {
        var result = ToolJson.Ok(_tools.SetReverb("Lead Vox", send_db: -18, decay_s: 2.4));

        var changes = Changes(result);
        Assert.Equal("reverb_send_db", changes[0]!["parameter"]!.GetValue<string>());
        Assert.Equal("Lead Vox", changes[0]!["target"]!.GetValue<string>());
        Assert.Equal("decay_s", changes[1]!["parameter"]!.GetValue<string>());
        Assert.Equal("reverb", changes[1]!["target"]!.GetValue<string>());
    }

    [Fact]
    public void Set_reverb_rejects_each_bad_argument()
    {
        Rejected(() => _tools.SetReverb(send_db: -10), "A send change needs a track");
        Rejected(() => _tools.SetReverb("Pad"), "no send_db or send_delta_db given");
        Rejected(() => _tools.SetReverb("Pad", send_db: 10), "reverb_send_db must be between -80 and +6 dB (got +10)");
        Rejected(() => _tools.SetReverb(decay_s: 20), "decay_s must be between +0.2 and +10 s (got +20)");
        Rejected(() => _tools.SetReverb(return_db: 7), "return_db must be between -80 and +6 dB");
        Rejected(() => _tools.SetReverb(pre_delay_ms: -1), "pre_delay_ms must be between 0 and +200 ms");
        Rejected(() => _tools.SetReverb(damping: 1.5), "damping must be between 0 and +1");
        Rejected(() => _tools.SetReverb(), "set_reverb needs send_db");
    }

    [Fact]
    public void Set_mute_and_solo_propose_flags()
    {
        ToolJson.Ok(_tools.SetMute("Pad", true, user_words: "lose the pad"));
        var result = ToolJson.Ok(_tools.SetSolo("Kick", true));

        var changes = Changes(result);
        Assert.Equal(2, changes.Count);
        Assert.True(changes[0]!["to"]!.GetValue<bool>());
        Assert.Equal("solo", changes[1]!["parameter"]!.GetValue<string>());

        Rejected(() => _tools.SetMute("nobody", true), "No track matches");
        Rejected(() => _tools.SetSolo("guitar", true), "could mean");
        Rejected(() => _tools.SetSolo("Bass", false), "solo is already off");
    }

    [Fact]
    public void Set_master_proposes_limiter_and_loudness_settings()
    {
        var result = ToolJson.Ok(_tools.SetMaster(loudness_target_lufs: -14, ceiling_dbtp: -1.5, output_gain_db: 1));

        var changes = Changes(result).ToDictionary(c => c!["parameter"]!.GetValue<string>(), c => c!["to"]);
        Assert.Equal(-14, changes["loudness_target_lufs"]!.GetValue<double>());
        Assert.Equal(-1.5, changes["limiter.ceiling_dbtp"]!.GetValue<double>());
        Assert.Equal(1, changes["output_gain_db"]!.GetValue<double>());

        ToolJson.Ok(_tools.Commit());
        var off = Changes(ToolJson.Ok(_tools.SetMaster(loudness_target_off: true)))[0]!;
        Assert.Equal("loudness_target_lufs", off["parameter"]!.GetValue<string>());
        Assert.Null(off["to"]);
    }

    [Fact]
    public void Set_master_rejects_each_bad_argument()
    {
        Rejected(() => _tools.SetMaster(ceiling_dbtp: 1), "ceiling_dbtp must be between -12 and 0 dBTP (got +1)");
        Rejected(() => _tools.SetMaster(loudness_target_lufs: -50), "loudness_target_lufs must be between -40 and -5 LUFS (got -50)");
        Rejected(() => _tools.SetMaster(output_gain_db: 40), "output_gain_db must be between -24 and +24 dB");
        Rejected(() => _tools.SetMaster(limiter_release_ms: 0), "limiter_release_ms must be between +1 and +1000 ms");
        Rejected(() => _tools.SetMaster(loudness_target_lufs: -14, loudness_target_off: true), "not both");
        Rejected(() => _tools.SetMaster(), "set_master needs one of");
    }

    [Fact]
    public void Balance_levels_proposes_gains_and_rejects_an_unknown_anchor()
    {
        var result = ToolJson.Ok(_tools.BalanceLevels());
        Assert.NotEmpty(Changes(result));
        Assert.All(Changes(result), c => Assert.Equal("analysis", c!["source"]!.GetValue<string>()));

        _tools.Discard();
        Rejected(() => _tools.BalanceLevels("tuba"), "No track matches \"tuba\"");
    }

    [Fact]
    public void Apply_descriptor_says_clearly_that_no_resolver_is_configured()
    {
        Rejected(() => _tools.ApplyDescriptor("warm", "Lead Vox", user_words: "make the vocal warmer"), "No descriptor resolver is configured", "\"warm\"");
    }

    [Fact]
    public void Apply_descriptor_turns_the_resolvers_answer_into_a_proposal()
    {
        var resolver = new RecordingResolver();
        var tools = _temp.Tools(_session, descriptors: resolver);

        var result = ToolJson.Ok(tools.ApplyDescriptor("warm", "vocal", user_words: "make the vocal warmer"));

        Assert.Equal("warm", resolver.Last!.Word);
        Assert.Equal("Lead Vox", resolver.Last.Target.Track);
        Assert.Equal(Roles.StemRole.Lead, resolver.Last.Role);
        Assert.NotNull(resolver.Last.Analysis);
        Assert.Equal("Warmer vocal", result["summary"]!.GetValue<string>());
        Assert.Equal("descriptor", Changes(result)[0]!["source"]!.GetValue<string>());

        Rejected(() => tools.ApplyDescriptor(" ", "vocal"), "needs a descriptor word");
    }

    [Fact]
    public void Match_reference_says_clearly_that_no_matcher_is_configured()
    {
        Rejected(() => _tools.MatchReference("ref.wav"), "No reference matcher is configured");
        Assert.Empty(_session.References);
    }

    [Fact]
    public void Match_reference_records_the_reference_and_proposes_the_matchers_changes()
    {
        string reference = Path.Combine(_temp.Root, "refs", "hit song.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(reference)!);
        File.WriteAllBytes(reference, TestWav.Bytes(seed: 42));
        var matcher = new RecordingMatcher();
        var tools = _temp.Tools(_session, matcher: matcher);

        var result = ToolJson.Ok(tools.MatchReference("refs/hit song.wav", user_words: "make it sound like this"));

        Assert.Equal("refs/hit song.wav", Assert.Single(_session.References).File);
        Assert.Equal(reference, matcher.Last!.ReferencePath);
        Assert.Equal(TargetScope.Master, matcher.Last.Target.Scope);
        Assert.Equal("reference_match", Changes(result)[0]!["source"]!.GetValue<string>());

        Rejected(() => tools.MatchReference("refs/missing.wav"), "Reference file not found");
        Assert.Single(_session.References);
    }

    [Fact]
    public void Propose_titles_the_pending_proposal()
    {
        _tools.SetGain("Bass", -2);
        var result = ToolJson.Ok(_tools.Propose("Bass down a touch"));

        Assert.Equal("Bass down a touch", result["summary"]!.GetValue<string>());
        Assert.Single(Changes(result));
        Assert.Equal("Bass down a touch", _session.Pending!.Title);
    }

    [Fact]
    public void Propose_without_a_pending_proposal_is_an_error()
    {
        Rejected(() => _tools.Propose("anything"), "Nothing to summarise: there is no pending proposal");
    }

    [Fact]
    public void Commit_discard_undo_and_redo_refuse_when_there_is_nothing_to_do()
    {
        Rejected(() => _tools.Commit(), "Nothing to commit");
        Rejected(() => _tools.Discard(), "Nothing to discard");
        Rejected(() => _tools.Undo(), "Nothing to undo: no change has been committed yet");
        Rejected(() => _tools.Redo(), "Nothing to redo");
    }

    [Fact]
    public void Explain_rejects_an_unknown_parameter()
    {
        string error = ToolJson.Error(_tools.Explain("Bass", "flux capacitor"));
        Assert.Contains("no parameter called \"flux capacitor\"", error);
    }

    [Fact]
    public void Render_writes_into_the_sessions_renders_folder_and_never_over_a_stem()
    {
        var result = ToolJson.Ok(_tools.Render());

        string file = result["file"]!.GetValue<string>();
        Assert.Equal(Path.Combine(_temp.Root, "renders", "song-mix.wav"), file);
        Assert.True(File.Exists(file));

        // A stem's own name is only a name: the render lands in renders/, the stem is untouched.
        string stem = Path.Combine(_temp.StemsDir, "Kick.wav");
        byte[] before = File.ReadAllBytes(stem);
        Assert.Equal(Path.Combine(_temp.Root, "renders", "Kick.wav"), ToolJson.Ok(_tools.Render("Kick.wav"))["file"]!.GetValue<string>());
        Assert.Contains("absolute path", ToolJson.Error(_tools.Render(stem)));
        Assert.Contains("names a folder", ToolJson.Error(_tools.Render("stems/Kick.wav")));
        Assert.Equal(before, File.ReadAllBytes(stem));
    }

    [Fact]
    public void Render_can_audition_the_pending_proposal()
    {
        _tools.SetMute("Pad", true);

        var result = ToolJson.Ok(_tools.Render(point: "pending"));

        Assert.Equal("pending p-1", result["point"]!.GetValue<string>());
        Assert.Equal(Path.Combine(_temp.Root, "renders", "song-mix-pending-p-1.wav"), result["file"]!.GetValue<string>());
        Assert.True(_temp.Engine.LastMix!.Tracks.Single(t => t.Name == "Pad").Settings.Mute);
        Assert.False(_session.Console.Track("Pad").Mute);
    }

    [Fact]
    public void Compare_lists_differences_and_measures_both_points()
    {
        _tools.SetGain("Lead Vox", 4);
        _tools.Commit();

        var result = ToolJson.Ok(_tools.Compare("previous", "current"));

        var difference = Assert.Single(result["differences"]!.AsArray())!;
        Assert.Equal("Lead Vox", difference["target"]!.GetValue<string>());
        Assert.Equal(0, difference["a"]!.GetValue<double>());
        Assert.Equal(4, difference["b"]!.GetValue<double>());
        Assert.True(result["loudness_difference_lu"]!.GetValue<double>() > 0);
        Assert.Equal(2, _temp.Engine.AnalyzeMixCalls);

        Assert.Contains("Unknown history point", ToolJson.Error(_tools.Compare("cs-99")));
        Assert.Contains("no pending proposal", ToolJson.Error(_tools.Compare("current", "pending")));
    }

    private sealed class RecordingResolver : IDescriptorResolver
    {
        public DescriptorRequest? Last;

        public DescriptorResolution Resolve(DescriptorRequest request)
        {
            Last = request;
            return new DescriptorResolution("Warmer vocal",
            [
                new ChangeRequest(request.Target, ParameterCatalog.EqBand(1, "gain_db"), ParameterValue.Of(2),
                    new Rationale(RationaleSource.Descriptor, "A little more low end makes it warmer.", request.Word)),
            ]);
        }
    }

    private sealed class RecordingMatcher : IReferenceMatcher
    {
        public ReferenceMatchRequest? Last;

        public ReferenceMatchResult Match(ReferenceMatchRequest request)
        {
            Last = request;
            return new ReferenceMatchResult("Closer to the reference",
            [
                new ChangeRequest(MixTarget.Master, ParameterCatalog.EqBand(6, "gain_db"), ParameterValue.Of(1.5),
                    new Rationale(RationaleSource.ReferenceMatch, "The reference has more air.", request.Reference.Name, "8-16 kHz is 1.5 dB lower than the reference")),
            ]);
        }
    }
}
