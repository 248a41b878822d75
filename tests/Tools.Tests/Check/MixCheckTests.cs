using Mixwright.Tools.Check;
using Mixwright.Tools.Session;
using Xunit.Abstractions;

namespace Mixwright.Tools.Tests.Check;

public sealed class MixCheckTests(ITestOutputHelper output)
{
    private static readonly string[] PlantedKinds = ["buried", "too_loud", "phase", "clipping", "loudness"];

    private MixCheckReport Check(PlantedBand band)
    {
        var report = MixCheck.Run(band.Session, band.CacheDirectory, DeliveryTarget.Parse("streaming"));
        output.WriteLine(report.ToText());
        return report;
    }

    [Fact]
    public void A_clean_balanced_mix_has_no_high_finding_and_none_of_the_planted_kinds()
    {
        using var band = new PlantedBand(Plants.None);
        var report = Check(band);
        Assert.DoesNotContain(report.Findings, f => f.Severity == FindingSeverity.High);
        Assert.DoesNotContain(report.Findings, f => PlantedKinds.Contains(f.Kind));
        // Parts of an arrangement share registers (keys under a voice) and may be pointed out, but the kick and bass
        // on their own notes do not fight.
        Assert.DoesNotContain(report.Findings, f => f.Kind == "masking" && f.Tracks.Contains("Kick") && f.Tracks.Contains("Bass"));
    }

    [Fact]
    public void Every_planted_problem_is_found_and_ranked_high()
    {
        using var band = new PlantedBand(Plants.All);
        var report = Check(band);
        AssertHigh(report, "buried", "Lead Vox");
        AssertHigh(report, "phase", "Guitar");
        AssertHigh(report, "masking", "Kick", "Bass");
        AssertHigh(report, "clipping", "Keys");
        AssertHigh(report, "loudness");
        // High findings come first.
        Assert.True(report.Findings.SkipWhile(f => f.Severity == FindingSeverity.High).All(f => f.Severity != FindingSeverity.High));
    }

    [Theory]
    [InlineData(Plants.BuriedLead, "buried")]
    [InlineData(Plants.InvertedGuitarChannel, "phase")]
    [InlineData(Plants.BassOnKickNote, "masking")]
    [InlineData(Plants.HotMaster, "loudness")]
    public void Confirming_a_findings_proposal_clears_it_on_the_next_check(Plants plant, string kind)
    {
        using var band = new PlantedBand(plant);
        var finding = Check(band).Findings.First(f => f.Kind == kind);
        Assert.Equal(FindingSeverity.High, finding.Severity);
        Assert.NotEmpty(finding.Proposal);

        band.Session.Propose(finding.Proposal);
        band.Session.Commit();

        var after = Check(band);
        Assert.DoesNotContain(after.Findings, f => f.Kind == kind && f.Tracks.SequenceEqual(finding.Tracks));
        Assert.DoesNotContain(after.Findings, f => f.Severity == FindingSeverity.High);
    }

    [Fact]
    public void A_stem_clipped_in_its_file_gets_no_console_proposal_but_says_to_export_it_again()
    {
        using var band = new PlantedBand(Plants.ClippedKeys);
        var finding = Check(band).Findings.Single(f => f.Kind == "clipping");
        Assert.Equal(["Keys"], finding.Tracks);
        Assert.Empty(finding.Proposal);
        Assert.Contains("export", finding.Explanation);
    }

    private static void AssertHigh(MixCheckReport report, string kind, params string[] tracks)
    {
        Assert.Contains(report.Findings, f => f.Kind == kind && f.Severity == FindingSeverity.High
                                             && tracks.All(t => f.Tracks.Contains(t)));
    }
}
