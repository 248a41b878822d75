using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Assistant.Evaluation;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>Descriptors through apply_descriptor on a real session: bands chosen from the EQ, rationale grounded in the analysis.</summary>
public sealed class DescriptorResolverTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mixwright-descriptor-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly MixSession _session;
    private readonly MixTools _tools;

    public DescriptorResolverTests()
    {
        var (session, engine) = SyntheticSession.Create(_dir, [("Lead Vocal", "vocals"), ("Kick", "kick"), ("Gtr Rhythm", "guitar")]);
        _session = session;
        _tools = new MixTools(session, engine, new DescriptorResolver(PromptLibrary.Default));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonObject Ok(string result)
    {
        var o = JsonNode.Parse(result)!.AsObject();
        Assert.True(o["ok"]!.GetValue<bool>(), result);
        return o;
    }

    [Fact]
    public void Less_boomy_cuts_the_lows_with_a_rationale_from_the_descriptor_and_the_spectrum()
    {
        var result = Ok(_tools.ApplyDescriptor("boomy", "Kick", intensity: 0.6, negate: true, user_words: "the kick is boomy"));

        var eq = _session.Pending!.Changes.Where(c => c.Parameter.StartsWith("eq.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(eq);
        Assert.All(eq.Where(c => c.Parameter.EndsWith("gain_db", StringComparison.Ordinal)), c => Assert.True(c.To.Number < 0, c.Describe()));
        var why = eq[0].Rationale;
        Assert.Equal(RationaleSource.Descriptor, why.Source);
        Assert.Equal("the kick is boomy", why.Quote);
        Assert.Matches(@"Kick's \d+ Hz octave sits [\d.]+ dB (above|below) its 2 kHz octave|level with", why.Measurement!);
        Assert.StartsWith("To make Kick less boomy", why.Sentence);
        Assert.Contains("thinner", why.Sentence);
        Assert.Equal("Less boomy on Kick", result["summary"]!.GetValue<string>());
    }

    [Fact]
    public void A_second_move_in_the_same_region_deepens_the_band_already_working_there()
    {
        Ok(_tools.ApplyDescriptor("muddy", "Gtr Rhythm", negate: true));
        Ok(_tools.Commit());
        var bandsBefore = _session.Console.Track("Gtr Rhythm").Eq.Bands.Count(b => !b.IsFlat);

        Ok(_tools.ApplyDescriptor("muddy", "Gtr Rhythm", negate: true));
        Ok(_tools.Commit());

        var eq = _session.Console.Track("Gtr Rhythm").Eq;
        Assert.Equal(bandsBefore, eq.Bands.Count(b => !b.IsFlat));
        Assert.True(eq.Bands.Min(b => b.GainDb) < -3, "two cuts of the same mud add up on one band");
    }

    [Fact]
    public void Compression_space_and_whole_mix_words_use_their_own_controls()
    {
        Ok(_tools.ApplyDescriptor("punchy", "Kick"));
        Assert.Contains(_session.Pending!.Changes, c => c.Parameter == "compressor.enabled" && c.To.Flag);
        _tools.Discard();

        Ok(_tools.ApplyDescriptor("spacious", "Lead Vocal"));
        Assert.Contains(_session.Pending!.Changes, c => c.Parameter == "reverb_send_db" && c.To.Number > -80);
        _tools.Discard();

        Ok(_tools.ApplyDescriptor("bright", "master", intensity: 1));
        Assert.All(_session.Pending!.Changes, c => Assert.Equal(TargetScope.Master, c.Target.Scope));
    }

    [Fact]
    public void Ambiguous_words_take_the_reading_of_the_role_or_ask_for_one()
    {
        Ok(_tools.ApplyDescriptor("warm", "Lead Vocal"));
        Assert.Contains("(body)", _session.Pending!.Title);
        _tools.Discard();

        var error = JsonNode.Parse(_tools.ApplyDescriptor("warm", "master"))!["error"]!.GetValue<string>();
        Assert.Contains("variant \"body\"", error);
        Assert.Contains("flibbertigibbet", JsonNode.Parse(_tools.ApplyDescriptor("flibbertigibbet", "Kick"))!["error"]!.GetValue<string>());
        Assert.Null(_session.Pending);
    }
}
