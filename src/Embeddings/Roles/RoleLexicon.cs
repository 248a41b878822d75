using System.Text.Json;
using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Roles;

/// <summary>
/// The words for track roles, families and groups (Data/roles.json), with phrase lookup over tokens.
/// Roles given by a session (from file names or audio) are normalised here so "Lead Vocals", "vocal" and
/// "lead_vocals" all mean the role "vocals".
/// </summary>
public sealed class RoleLexicon
{
    public const string DefaultFileName = "roles.json";

    private static readonly Lazy<RoleLexicon> LazyDefault = new(() => Parse(EmbeddedData.ReadText(DefaultFileName), DefaultFileName));

    private readonly Dictionary<string, RoleDefinition> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RoleWordHit>> _phrases = new(StringComparer.Ordinal);

    private RoleLexicon(IReadOnlyList<RoleDefinition> roles, IReadOnlyList<RoleFamily> families, IReadOnlyList<RoleGroup> groups,
        IReadOnlyDictionary<string, string> aliases, IReadOnlyList<string> mixWords, IReadOnlyList<string> allTracksWords, IReadOnlyList<string> noise)
    {
        Roles = roles;
        Families = families;
        Groups = groups;
        MixWords = mixWords;
        AllTracksWords = allTracksWords;
        NoiseTokens = new HashSet<string>(noise.Select(TextKey.Of), StringComparer.Ordinal);
        foreach (var r in roles) _roles[TextKey.Of(r.Id)] = r;
        foreach (var (alias, id) in aliases) _aliases[TextKey.Of(alias)] = id;

        foreach (var r in roles)
        {
            foreach (string w in r.Words) AddPhrase(w, new RoleWordHit(RoleWordTarget.Role, r.Id, false));
            foreach (string w in r.Plurals) AddPhrase(w, new RoleWordHit(RoleWordTarget.Role, r.Id, true));
        }
        foreach (var f in families)
        {
            foreach (string w in f.Words) AddPhrase(w, new RoleWordHit(RoleWordTarget.Family, f.Id, false));
            foreach (string w in f.Plurals) AddPhrase(w, new RoleWordHit(RoleWordTarget.Family, f.Id, true));
        }
        foreach (var g in groups)
            foreach (string w in g.Words) AddPhrase(w, new RoleWordHit(RoleWordTarget.Group, string.Join('+', g.Words.Take(1)), true, g));
        foreach (string w in mixWords) AddPhrase(w, new RoleWordHit(RoleWordTarget.Mix, "mix", false));
        foreach (string w in allTracksWords) AddPhrase(w, new RoleWordHit(RoleWordTarget.AllTracks, "all", true));
        MaxPhraseTokens = _phraseTokenCounts.Count == 0 ? 1 : _phraseTokenCounts.Max();
    }

    private readonly HashSet<int> _phraseTokenCounts = [];
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    private void AddPhrase(string phrase, RoleWordHit hit)
    {
        foreach (string word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)) _words.Add(TextKey.Of(word));
        string key = TextKey.Of(phrase);
        if (!_phrases.TryGetValue(key, out var list)) _phrases[key] = list = [];
        if (!list.Contains(hit)) list.Add(hit);
        _phraseTokenCounts.Add(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    public static RoleLexicon Default => LazyDefault.Value;

    public IReadOnlyList<RoleDefinition> Roles { get; }
    public IReadOnlyList<RoleFamily> Families { get; }
    public IReadOnlyList<RoleGroup> Groups { get; }
    /// <summary>Words for the whole mix (the master bus): "the mix", "everything", "the master".</summary>
    public IReadOnlyList<string> MixWords { get; }
    /// <summary>Words for every track one by one: "all tracks", "every stem".</summary>
    public IReadOnlyList<string> AllTracksWords { get; }
    /// <summary>Tokens in file names that say nothing about the part ("DI", "mic", "take").</summary>
    public IReadOnlySet<string> NoiseTokens { get; }
    public int MaxPhraseTokens { get; }

    /// <summary>Every word of every phrase, for spelling correction.</summary>
    public IEnumerable<string> Vocabulary => _words;

    public RoleDefinition Other => _roles["other"];

    /// <summary>The role a session's role string means, or null when it names none.</summary>
    public RoleDefinition? Normalize(string? role)
    {
        if (string.IsNullOrWhiteSpace(role)) return null;
        string key = TextKey.Of(role);
        if (_roles.TryGetValue(key, out var r)) return r;
        if (_aliases.TryGetValue(key, out string? id) && _roles.TryGetValue(TextKey.Of(id), out r)) return r;
        if (_phrases.TryGetValue(key, out var hits) && hits.FirstOrDefault(h => h.Target == RoleWordTarget.Role) is { } hit)
            return _roles[TextKey.Of(hit.Id)];
        return null;
    }

    public RoleDefinition GetRole(string id) =>
        _roles.TryGetValue(TextKey.Of(id), out var r) ? r : throw new KeyNotFoundException($"No role '{id}' in {DefaultFileName}.");

    /// <summary>What a phrase (already split into tokens) names, or an empty list.</summary>
    public IReadOnlyList<RoleWordHit> Lookup(IReadOnlyList<string> tokens, int start, int count) =>
        _phrases.TryGetValue(TextKey.Of(tokens, start, count), out var hits) ? hits : [];

    public IReadOnlyList<RoleWordHit> Lookup(string phrase) =>
        _phrases.TryGetValue(TextKey.Of(phrase), out var hits) ? hits : [];

    public static RoleLexicon Parse(string json, string sourceName)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"{sourceName}: not valid JSON ({e.Message}).", e); }
        using (doc)
        {
            var root = doc.RootElement;
            static string[] Strings(JsonElement e, string name) =>
                e.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];

            var families = root.GetProperty("families").EnumerateArray()
                .Select(f => new RoleFamily(f.GetProperty("id").GetString()!, Strings(f, "words"), Strings(f, "plurals"))).ToList();
            var familyIds = families.Select(f => f.Id).ToHashSet();
            var roles = new List<RoleDefinition>();
            foreach (var r in root.GetProperty("roles").EnumerateArray())
            {
                string id = r.GetProperty("id").GetString()!;
                string family = r.GetProperty("family").GetString()!;
                if (!familyIds.Contains(family))
                    throw new InvalidDataException($"{sourceName}: role '{id}' names unknown family '{family}'.");
                roles.Add(new RoleDefinition(id, family, r.TryGetProperty("support", out var s) && s.GetBoolean(),
                    Strings(r, "words"), Strings(r, "plurals")));
            }
            var roleIds = roles.Select(r => r.Id).ToHashSet();
            if (!roleIds.Contains("other")) throw new InvalidDataException($"{sourceName}: the role 'other' is required.");
            var aliases = root.GetProperty("role_aliases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            foreach (var (alias, id) in aliases)
                if (!roleIds.Contains(id)) throw new InvalidDataException($"{sourceName}: alias '{alias}' names unknown role '{id}'.");
            var groups = root.GetProperty("groups").EnumerateArray()
                .Select(g => new RoleGroup(Strings(g, "words"), Strings(g, "families"), Strings(g, "all_but_families"))).ToList();
            foreach (var g in groups)
                foreach (string f in g.Families.Concat(g.AllButFamilies))
                    if (!familyIds.Contains(f)) throw new InvalidDataException($"{sourceName}: group '{g.Words[0]}' names unknown family '{f}'.");
            return new RoleLexicon(roles, families, groups, aliases,
                Strings(root, "mix_words"), Strings(root, "all_tracks_words"), Strings(root, "noise_tokens"));
        }
    }
}
