using System.Text.Json.Nodes;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>
/// The relative and qualitative forms of the tools ("down 3 dB", "a bit left", "cut 300 Hz", "more
/// compression"), which a person and a model both use: each resolves against the current console.
/// </summary>
public sealed class RelativeToolFormsTests : IDisposable
{
    private readonly TempSession _temp = new("Lead Vox.wav", "Kick.wav", "Bass.wav", "Gtr L.wav", "Gtr R.wav");
    private readonly MixSession _session;
    private readonly MixTools _tools;

    public RelativeToolFormsTests()
    {
        _temp.Engine.Register("Bass.wav", FakeMixEngine.Summary(-20, crestDb: 10));
        _session = _temp.Create();
        _tools = _temp.Tools(_session);
    }

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, JsonNode?> ChangesOf(string result) =>
        ToolJson.Ok(result)["changes"]!.AsArray().ToDictionary(c => c!["target"] + "." + c["parameter"], c => c!["to"]);

    [Fact]
    public void Deltas_move_from_the_current_value()
    {
        ToolJson.Ok(_tools.SetGain("Kick", gain_db: 2));
        ToolJson.Ok(_tools.Commit());

        Assert.Equal(-1, ChangesOf(_tools.SetGain("Kick", delta_db: -3))["Kick.gain_db"]!.GetValue<double>());
        Assert.Equal(-0.3, ChangesOf(_tools.SetPan("Gtr L", pan_delta: -0.3))["Gtr L.pan"]!.GetValue<double>());
        Assert.Equal(1.4, ChangesOf(_tools.SetWidth("Gtr R", width_delta: 0.4))["Gtr R.width"]!.GetValue<double>());
        Assert.Equal(3, ChangesOf(_tools.SetMaster(output_gain_delta_db: 3))["master.output_gain_db"]!.GetValue<double>());
    }

    [Fact]
    public void A_delta_past_the_range_says_where_it_would_land()
    {
        string error = ToolJson.Error(_tools.SetGain("Kick", delta_db: 30));
        Assert.Contains("gain_db is 0 dB now; delta_db +30 dB would make it +30 dB, outside -48 to +24 dB", error);
        Assert.Contains("exactly one of gain_db", ToolJson.Error(_tools.SetGain("Kick", gain_db: 1, delta_db: 1)));
        Assert.Contains("exactly one of pan", ToolJson.Error(_tools.SetPan("Kick")));
        Assert.Null(_session.Pending);
    }

    [Fact]
    public void A_send_that_is_off_starts_audible_and_cannot_go_lower()
    {
        var send = ChangesOf(_tools.SetReverb("Lead Vox", send_delta_db: 3));
        Assert.Equal(ConsoleRanges.FirstSendDb + 3, send["Lead Vox.reverb_send_db"]!.GetValue<double>());
        _tools.Discard();
        Assert.Contains("already off", ToolJson.Error(_tools.SetReverb("Kick", send_delta_db: -3)));
        Assert.Equal(ConsoleRanges.ReverbDecayS.Default + 0.5, ChangesOf(_tools.SetReverb(decay_delta_s: 0.5))["reverb.decay_s"]!.GetValue<double>());
    }

    [Fact]
    public void Eq_by_type_and_frequency_picks_a_band_and_reuses_it_nearby()
    {
        var first = ChangesOf(_tools.SetEqBand("Gtr L", type: "peak", freq_hz: 300, delta_db: -3));
        Assert.Equal(300, first["Gtr L.eq.band2.freq_hz"]!.GetValue<double>());
        Assert.Equal(-3, first["Gtr L.eq.band2.gain_db"]!.GetValue<double>());
        ToolJson.Ok(_tools.Commit());

        // 350 Hz is within half an octave of the 300 Hz cut: the same band cuts deeper, at its own frequency.
        var again = ChangesOf(_tools.SetEqBand("Gtr L", freq_hz: 350, delta_db: -2));
        Assert.Equal(-5, again["Gtr L.eq.band2.gain_db"]!.GetValue<double>());
        Assert.False(again.ContainsKey("Gtr L.eq.band2.freq_hz"));
        _tools.Discard();

        // 3 kHz is far away: another, flat band takes it.
        var other = ChangesOf(_tools.SetEqBand("Gtr L", freq_hz: 3000, gain_db: 2));
        Assert.Equal(2, other["Gtr L.eq.band5.gain_db"]!.GetValue<double>());
        _tools.Discard();

        var shelf = ChangesOf(_tools.SetEqBand("master", type: "high_shelf", freq_hz: 8000, delta_db: 1.5));
        Assert.Equal(1.5, shelf["master.eq.band6.gain_db"]!.GetValue<double>());
    }

    [Fact]
    public void Eq_arguments_that_do_not_fit_are_named()
    {
        Assert.Contains("band 1 is a low shelf, not a peaking bell", ToolJson.Error(_tools.SetEqBand("Kick", band: 1, type: "peak", gain_db: 2)));
        Assert.Contains("needs freq_hz", ToolJson.Error(_tools.SetEqBand("Kick", type: "peak", gain_db: 2)));
        Assert.Contains("use set_high_pass", ToolJson.Error(_tools.SetEqBand("Kick", type: "high_pass", freq_hz: 80, gain_db: 0)));
        Assert.Contains("type must be", ToolJson.Error(_tools.SetEqBand("Kick", type: "notch", freq_hz: 80, gain_db: -3)));
    }

    [Fact]
    public void High_pass_switches_on_at_a_cutoff_and_can_be_bypassed()
    {
        var on = ChangesOf(_tools.SetHighPass("Gtr L", freq_hz: 120));
        Assert.True(on["Gtr L.high_pass.enabled"]!.GetValue<bool>());
        Assert.Equal(120, on["Gtr L.high_pass.freq_hz"]!.GetValue<double>());
        ToolJson.Ok(_tools.Commit());
        Assert.False(ChangesOf(_tools.SetHighPass("Gtr L", enabled: false))["Gtr L.high_pass.enabled"]!.GetValue<bool>());
        Assert.Contains("high_pass_hz must be between", ToolJson.Error(_tools.SetHighPass("Gtr R", freq_hz: 5000)));
    }

    [Fact]
    public void Compression_steps_start_from_the_measured_level_and_run_backwards_to_off()
    {
        var more = ChangesOf(_tools.SetCompressor("Bass", steps: 1));
        Assert.True(more["Bass.compressor.enabled"]!.GetValue<bool>());
        // Between the stem's RMS (-21 dBFS) and its peak (-10.3 dBFS).
        double threshold = more["Bass.compressor.threshold_db"]!.GetValue<double>();
        Assert.InRange(threshold, -21, -10.3);
        ToolJson.Ok(_tools.Commit());

        var harder = ChangesOf(_tools.SetCompressor("Bass", steps: 1));
        Assert.Equal(threshold - CompressionSteps.ThresholdStepDb, harder["Bass.compressor.threshold_db"]!.GetValue<double>());
        Assert.True(harder["Bass.compressor.ratio"]!.GetValue<double>() > 2);
        _tools.Discard();

        Assert.False(ChangesOf(_tools.SetCompressor("Bass", steps: -3))["Bass.compressor.enabled"]!.GetValue<bool>());
        _tools.Discard();
        Assert.Contains("its compressor is off", ToolJson.Error(_tools.SetCompressor("Kick", steps: -1)));
        Assert.Contains("not both", ToolJson.Error(_tools.SetCompressor("Kick", steps: 1, ratio: 4)));
        Assert.Contains("steps must be between -3 and +3", ToolJson.Error(_tools.SetCompressor("Kick", steps: 5)));
    }

    [Fact]
    public void Commit_can_apply_only_the_named_tracks_part()
    {
        _tools.SetGain("Kick", delta_db: 2);
        _tools.SetGain("Bass", delta_db: -2);
        _tools.SetMaster(output_gain_delta_db: 1);

        var committed = ToolJson.Ok(_tools.Commit(["kick", "master"]));

        Assert.Equal(2, committed["changes"]!.AsArray().Count);
        Assert.Null(_session.Pending);
        Assert.Equal(2, _session.Console.Track("Kick").GainDb);
        Assert.Equal(0, _session.Console.Track("Bass").GainDb);
        _tools.SetGain("Bass", delta_db: -2);
        Assert.Contains("no changes on the tracks named", ToolJson.Error(_tools.Commit(["Gtr L"])));
    }

    [Fact]
    public void Undo_steps_and_explain_answer_what_changed()
    {
        foreach (double g in new[] { 1.0, 2.0, 3.0 })
        {
            _tools.SetGain("Kick", gain_db: g, user_words: $"kick at {g}");
            _tools.Commit();
        }
        Assert.Contains("Kick gain_db: +2 dB → +3 dB", ToolJson.Ok(_tools.Explain())["explanation"]!.GetValue<string>());
        Assert.Equal(3, ToolJson.Ok(_tools.Explain(about: "history"))["explanation"]!.GetValue<string>().Split('\n').Length);
        Assert.Contains("kick at 3", ToolJson.Ok(_tools.Explain("Kick"))["explanation"]!.GetValue<string>());

        var undone = ToolJson.Ok(_tools.Undo(2));
        Assert.Equal(["cs-3", "cs-2"], undone["undone"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(1, _session.Console.Track("Kick").GainDb);
        Assert.Contains("about must be", ToolJson.Error(_tools.Explain(about: "everything")));
    }
}
