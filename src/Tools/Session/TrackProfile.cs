using System.Text.RegularExpressions;
using Mixwright.Embeddings.Roles;
using Mixwright.Embeddings.Text;

namespace Mixwright.Tools.Session;

/// <summary>
/// A session track prepared for matching: its name split into keys, the roles it has (the session's role
/// plus any its name implies: "Gtr Lead" is a guitar whatever the session guessed), and which name words
/// are distinctive ("lead", "rhythm", "host") rather than role words ("gtr", "vox") or noise ("DI", "mic").
/// </summary>
public sealed partial class TrackProfile
{
    [GeneratedRegex(@"[a-z]+|\d+")]
    private static partial Regex NamePart();

    /// <param name="role">The role the session guessed, in any of the role vocabulary's words (may be null).</param>
    /// <param name="index">The track's position in the session.</param>
    public TrackProfile(string name, string? role, int index, RoleLexicon roles)
    {
        Name = name;
        Index = index;
        NameKeys = WordsOf(name);

        var roleIds = new List<string>();
        if (roles.Normalize(role) is { } declared && declared.Id != "other") roleIds.Add(declared.Id);
        // The name's own role words count too: a track called "Synth Pad" answers to "synth" whatever role
        // the session guessed. The longest role phrase in the name decides ("bass di" is bass, not DI).
        for (int start = 0; start < NameKeys.Length; start++)
            for (int len = Math.Min(3, NameKeys.Length - start); len >= 1; len--)
            {
                var hit = roles.Lookup(NameKeys, start, len).FirstOrDefault(h => h.Target == RoleWordTarget.Role);
                if (hit is null) continue;
                if (!roleIds.Contains(hit.Id)) roleIds.Add(hit.Id);
                start += len - 1;
                break;
            }
        // A name word is distinctive unless it is a role word on its own: "lead" in "Gtr Lead" singles the
        // track out, "gtr" only says what it is.
        var roleWordPositions = new HashSet<int>();
        for (int k = 0; k < NameKeys.Length; k++)
            if (roles.Lookup(NameKeys, k, 1).Any(h => h.Target is RoleWordTarget.Role or RoleWordTarget.Family))
                roleWordPositions.Add(k);
        if (roleIds.Count == 0) roleIds.Add(roles.Other.Id);
        Role = roles.GetRole(roleIds[0]);
        RoleIds = roleIds;
        Families = roleIds.Select(id => roles.GetRole(id).Family).Distinct().ToArray();
        Distinctive = NameKeys.Where((k, i) => !roleWordPositions.Contains(i) && !roles.NoiseTokens.Contains(k)).ToHashSet(StringComparer.Ordinal);
        NameNoise = NameKeys.Where(k => roles.NoiseTokens.Contains(k)).ToHashSet(StringComparer.Ordinal);
        FullKey = TextKey.Of(string.Concat(NameKeys));
    }

    public string Name { get; }
    public int Index { get; }
    public string[] NameKeys { get; }
    public string FullKey { get; }
    public RoleDefinition Role { get; }
    public IReadOnlyList<string> RoleIds { get; }
    public IReadOnlyList<string> Families { get; }
    public string Family => Families[0];
    public bool IsSupport => Role.IsSupport;
    public IReadOnlySet<string> Distinctive { get; }
    public IReadOnlySet<string> NameNoise { get; }

    /// <summary>The lower-case letter runs and digit runs of a name or phrase: "Gtr_L2" gives gtr, l, 2.</summary>
    public static string[] WordsOf(string text) => NamePart().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    public override string ToString() => $"{Name} ({Role.Id})";
}
