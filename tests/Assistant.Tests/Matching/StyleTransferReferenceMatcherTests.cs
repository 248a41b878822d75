using System.Text.Json.Nodes;
using Mixwright.Assistant.Matching;
using Mixwright.Dsp.Audio;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tests.Matching;

/// <summary>match_reference through the real tools: a proposal whose every change says which reference feature drove it.</summary>
public sealed class StyleTransferReferenceMatcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-match-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly MatchOptions Quick = new() { SectionSeconds = 2, OptimizeMaxRenders = 30 };

    [Fact]
    public void Matching_the_whole_mix_proposes_changes_each_with_its_driver_as_a_sentence_and_a_measurement()
    {
        var (tools, session) = Session();
        string reference = Reference(hatsRightDb: 10);
        var json = JsonNode.Parse(tools.MatchReference(reference))!;

        Assert.True(json["ok"]!.GetValue<bool>(), json.ToJsonString());
        Assert.StartsWith("Mix matched to reference (optimize", json["summary"]!.GetValue<string>());
        var changes = json["changes"]!.AsArray();
        Assert.NotEmpty(changes);
        Assert.All(changes, c =>
        {
            Assert.Equal("reference_match", c!["source"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(c["reason"]!.GetValue<string>()), c.ToJsonString());
        });
        // The pending proposal holds ReferenceMatch rationales quoting the reference, and the hats' pan is among them.
        var pending = MixSession.Load(session.FilePath).Pending!;
        Assert.All(pending.Changes, c => Assert.Equal(RationaleSource.ReferenceMatch, c.Rationale.Source));
        Assert.All(pending.Changes, c => Assert.Equal("reference", c.Rationale.Quote));
        var pan = Assert.Single(pending.Changes, c => c.Target.Track == "hats" && c.Parameter == "pan");
        Assert.True(pan.To.Number > 0.2, $"hats pan {pan.To.Number}");
        Assert.Contains("panned hats", pan.Rationale.Sentence);
        Assert.False(string.IsNullOrWhiteSpace(pan.Rationale.Measurement));
        Assert.Single(MixSession.Load(session.FilePath).References);
    }

    [Fact]
    public void Matching_one_track_proposes_only_that_tracks_strip()
    {
        var (tools, session) = Session();
        var json = JsonNode.Parse(tools.MatchReference(Reference(hatsRightDb: 10), track: "hats"))!;
        Assert.True(json["ok"]!.GetValue<bool>(), json.ToJsonString());
        var pending = MixSession.Load(session.FilePath).Pending!;
        Assert.NotEmpty(pending.Changes);
        Assert.All(pending.Changes, c => Assert.Equal(new MixTarget(TargetScope.Track, "hats"), c.Target));
    }

    [Fact]
    public void A_reference_that_is_not_audio_is_a_clear_tool_error_and_nothing_is_proposed()
    {
        var (tools, session) = Session();
        string bad = Path.Combine(_dir, "bad.wav");
        File.WriteAllBytes(bad, Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 251)).ToArray());
        var json = JsonNode.Parse(tools.MatchReference(bad))!;
        Assert.Contains("bad.wav", json["error"]!.GetValue<string>());
        Assert.Null(MixSession.Load(session.FilePath).Pending);
    }

    [Fact]
    public void Every_parameter_a_driver_names_is_a_console_parameter()
    {
        var stems = new[] { new StemAudio("kick", Tone(60, 0.5, 3)), new StemAudio("hats", Noise(0.1, 3)) };
        var result = new OptimizingMixMatcher(Quick).Match(stems, Noise(0.2, 3));
        Assert.NotEmpty(result.Drivers);
        Assert.All(result.Drivers, d => Assert.True(
            ParameterCatalog.TryGet(d.IsMaster ? TargetScope.Master : TargetScope.Track, d.Parameter, out _), $"{d.Target} {d.Parameter}"));
    }

    private (MixTools Tools, MixSession Session) Session()
    {
        string stems = Path.Combine(_dir, "stems");
        Directory.CreateDirectory(stems);
        AudioFile.Save(Path.Combine(stems, "kick.wav"), Tone(60, 0.6, 3));
        AudioFile.Save(Path.Combine(stems, "hats.wav"), Noise(0.08, 3));
        AudioFile.Save(Path.Combine(stems, "bass.wav"), Tone(110, 0.3, 3));
        string sessionPath = Path.Combine(_dir, "session.json");
        var engine = DspMixEngine.ForSession(sessionPath);
        new SessionCommands(engine).New(stems, sessionPath);
        var session = MixSession.Load(sessionPath);
        return (new MixTools(session, engine, referenceMatcher: new StyleTransferReferenceMatcher(new OptimizingMixMatcher(Quick))), session);
    }

    /// <summary>The stems mixed with the hats louder and hard right.</summary>
    private string Reference(double hatsRightDb)
    {
        var kick = Tone(60, 0.6, 3);
        var hats = Noise(0.08 * Math.Pow(10, hatsRightDb / 20), 3);
        var bass = Tone(110, 0.3, 3);
        var mix = new AudioBuffer(2, kick.Frames, 44100);
        for (int i = 0; i < mix.Frames; i++)
        {
            float centre = kick.Channel(0)[i] + bass.Channel(0)[i];
            mix.Channel(0)[i] = centre;
            mix.Channel(1)[i] = centre + (float)Math.Sqrt(2) * hats.Channel(0)[i];
        }
        string path = Path.Combine(_dir, "reference.wav");
        AudioFile.Save(path, mix);
        return path;
    }

    private static AudioBuffer Tone(double hz, double level, double seconds)
    {
        var b = new AudioBuffer(1, (int)(seconds * 44100), 44100);
        for (int i = 0; i < b.Frames; i++) b.Channel(0)[i] = (float)(level * Math.Sin(2 * Math.PI * hz * i / 44100) * Math.Exp(-(i % 22050) / 8000.0));
        return b;
    }

    private static AudioBuffer Noise(double level, double seconds)
    {
        var rng = new Random(4);
        var b = new AudioBuffer(1, (int)(seconds * 44100), 44100);
        for (int i = 0; i < b.Frames; i++) b.Channel(0)[i] = (float)(level * (rng.NextDouble() * 2 - 1));
        return b;
    }
}
