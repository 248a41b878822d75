using Mixwright.Tools.Balance;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

public sealed class BalanceLevelsTests : IDisposable
{
    private readonly TempSession _temp;

    public BalanceLevelsTests()
    {
        var engine = new FakeMixEngine()
            .Register("Lead Vox.wav", FakeMixEngine.Summary(-16))
            .Register("Kick.wav", FakeMixEngine.Summary(-24))
            .Register("Bass.wav", FakeMixEngine.Summary(-20))
            .Register("BV 1.wav", FakeMixEngine.Summary(-18))
            .Register("BV 2.wav", FakeMixEngine.Summary(-18))
            .Register("Pad.wav", FakeMixEngine.Summary(-30))
            .Register("FX.wav", FakeMixEngine.Summary(double.NegativeInfinity));
        _temp = new TempSession(engine, "Lead Vox.wav", "Kick.wav", "Bass.wav", "BV 1.wav", "BV 2.wav", "Pad.wav", "FX.wav");
    }

    public void Dispose() => _temp.Dispose();

    private static double Gain(BalancePlan plan, string track) =>
        plan.Changes.Single(c => c.Target.Track == track).To.Number;

    [Fact]
    public void Gain_is_the_role_target_minus_the_measured_loudness()
    {
        var session = _temp.Create();
        var analyses = Analysis.StemAnalyses.For(session, _temp.Engine);

        var plan = LevelBalancer.Plan(session, analyses.Analyze);

        double vox = -16;
        Assert.Equal(vox + RoleLoudnessTargets.For(StemRole.Kick).RelativeLu - -24, Gain(plan, "Kick"), 1);
        Assert.Equal(vox + RoleLoudnessTargets.For(StemRole.Pad).RelativeLu - -30, Gain(plan, "Pad"), 1);
        // Two backing vocals share their role's target: each sits 3 dB lower.
        double bv = vox + RoleLoudnessTargets.For(StemRole.BackingVocals).RelativeLu - 10 * Math.Log10(2) - -18;
        Assert.Equal(bv, Gain(plan, "BV 1"), 1);
        Assert.Equal(bv, Gain(plan, "BV 2"), 1);
        Assert.DoesNotContain(plan.Changes, c => c.Target.Track == "Lead Vox");
        Assert.Contains(plan.Notes, n => n.Contains("\"FX\" is silent"));
        Assert.Equal("Lead Vox", plan.Anchor);
    }

    [Fact]
    public void Rationale_carries_the_measurement_and_a_plain_sentence()
    {
        var session = _temp.Create();
        var tools = _temp.Tools(session);

        var result = ToolJson.Ok(tools.BalanceLevels());

        var kick = session.Pending!.Changes.Single(c => c.Target.Track == "Kick");
        Assert.Equal(RationaleSource.Analysis, kick.Rationale.Source);
        Assert.Contains("Kick measures -24.0 LUFS integrated (raw stem)", kick.Rationale.Measurement);
        Assert.Contains("4 LU below the lead vocal (Lead Vox) at -16.0 LUFS", kick.Rationale.Measurement);
        Assert.Contains("not measured from a corpus", kick.Rationale.Measurement);
        Assert.StartsWith("I set Kick to +4.0 dB so it sits about 4 LU under the lead vocal", kick.Rationale.Sentence);
        Assert.StartsWith("First static balance by role around Lead Vox", result["summary"]!.GetValue<string>());
        Assert.NotEmpty(result["notes"]!.AsArray());

        tools.Commit();
        Assert.Contains("I set it from the analysis.", session.Explain("Kick", "gain"));
    }

    [Fact]
    public void An_explicit_anchor_keeps_its_level_and_moves_the_vocal()
    {
        var session = _temp.Create();
        var analyses = Analysis.StemAnalyses.For(session, _temp.Engine);

        var plan = LevelBalancer.Plan(session, analyses.Analyze, "kick");

        Assert.DoesNotContain(plan.Changes, c => c.Target.Track == "Kick");
        double expectedVox = -24 - RoleLoudnessTargets.For(StemRole.Kick).RelativeLu - -16;
        Assert.Equal(expectedVox, Gain(plan, "Lead Vox"), 1);
    }

    [Fact]
    public void Current_gains_count_toward_where_a_track_sits()
    {
        var session = _temp.Create();
        var tools = _temp.Tools(session);
        tools.SetGain("Lead Vox", 2);
        tools.Commit();

        tools.BalanceLevels();

        // The anchor now enters at -14 LUFS, so the kick is aimed at -18.
        Assert.Equal(6, session.Pending!.Changes.Single(c => c.Target.Track == "Kick").To.Number, 1);
    }

    [Fact]
    public void A_gain_beyond_the_range_is_clamped_and_says_so()
    {
        _temp.Engine.Register("Pad.wav", FakeMixEngine.Summary(-69));
        var session = _temp.Create();

        var plan = LevelBalancer.Plan(session, Analysis.StemAnalyses.For(session, _temp.Engine).Analyze);

        var pad = plan.Changes.Single(c => c.Target.Track == "Pad");
        Assert.Equal(Dsp.Parameters.ConsoleRanges.GainDb.Max, pad.To.Number);
        Assert.Contains("it would need +42.0 dB; the gain range is -48 to +24 dB", pad.Rationale.Measurement);
    }

    [Fact]
    public void Without_a_vocal_the_most_central_part_anchors()
    {
        using var temp = new TempSession(new FakeMixEngine().Register("Drums.wav", FakeMixEngine.Summary(-14)).Register("Keys.wav", FakeMixEngine.Summary(-14)),
            "Drums.wav", "Keys.wav");
        var session = temp.Create();

        var plan = LevelBalancer.Plan(session, Analysis.StemAnalyses.For(session, temp.Engine).Analyze);

        Assert.Equal("Drums", plan.Anchor);
        double keysRelative = RoleLoudnessTargets.For(StemRole.Keys).RelativeLu - RoleLoudnessTargets.For(StemRole.Drums).RelativeLu;
        Assert.Equal(keysRelative, Gain(plan, "Keys"), 1);
    }

    [Fact]
    public void The_table_covers_every_role_once()
    {
        Assert.Equal(Enum.GetValues<StemRole>().Order(), RoleLoudnessTargets.Table.Select(t => t.Role).Order());
        Assert.Equal(Enum.GetValues<StemRole>().Order(), RoleLoudnessTargets.AnchorPreference.Order());
        Assert.All(RoleLoudnessTargets.Table, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
    }
}
