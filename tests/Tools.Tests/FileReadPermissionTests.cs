using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

/// <summary>Which files a tool may open: the session's own, and those the user named.</summary>
public sealed class FileReadPermissionTests : IDisposable
{
    private readonly TempSession _temp = new("Kick.wav");
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "mixwright-outside-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly MixSession _session;

    public FileReadPermissionTests()
    {
        _session = _temp.Create();
        Directory.CreateDirectory(_outside);
    }

    public void Dispose()
    {
        _temp.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private string Outside(string name)
    {
        string path = Path.Combine(_outside, name);
        File.WriteAllBytes(path, TestWav.Bytes(seed: 5));
        return path;
    }

    [Fact]
    public void Files_in_the_session_folder_are_readable_and_others_only_once_the_user_names_them()
    {
        var reads = new FileReadPermission(_session);
        string quoted = Outside("Good Song.wav"), bare = Outside("ref.flac");

        Assert.True(reads.Permits(Path.Combine(_temp.StemsDir, "Kick.wav")));
        Assert.False(reads.Permits(quoted));
        Assert.False(reads.Permits("/etc/shadow"));

        reads.AllowNamedIn($"make it sound like \"{quoted}\", or maybe {bare}.");

        Assert.True(reads.Permits(quoted));
        Assert.True(reads.Permits(bare));
        Assert.False(reads.Permits("/etc/shadow"));
        Assert.False(reads.Permits(Path.Combine(_outside, "other.wav")));
    }

    [Fact]
    public void A_link_inside_the_session_folder_is_judged_by_where_it_leads()
    {
        string secret = Outside("secret.wav");
        string link = Path.Combine(_temp.Root, "ref.wav");
        File.CreateSymbolicLink(link, secret);

        var reads = new FileReadPermission(_session);
        Assert.False(reads.Permits(link));
        reads.Allow(secret);
        Assert.True(reads.Permits(link));
    }

    [Fact]
    public void Match_reference_refuses_a_file_nobody_named_without_opening_it()
    {
        var matcher = new RecordingMatcher();
        var tools = _temp.Tools(_session, matcher: matcher);
        string reference = Outside("hit.wav");

        string error = ToolJson.Error(tools.MatchReference("/etc/shadow"));
        Assert.Contains("not a file the user named", error);
        Assert.Contains("Nothing was read", error);
        Assert.Null(matcher.Last);
        Assert.Contains("not a file the user named", ToolJson.Error(tools.MatchReference(reference)));

        tools.Reads.AllowNamedIn($"match the mix to {reference} please");
        ToolJson.Ok(tools.MatchReference(reference));
        Assert.Equal(reference, matcher.Last!.ReferencePath);
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
                    new Rationale(RationaleSource.ReferenceMatch, "The reference has more air.", request.Reference.Name, "8-16 kHz is 1.5 dB lower")),
            ]);
        }
    }
}
