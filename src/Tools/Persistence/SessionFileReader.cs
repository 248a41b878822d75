using System.Collections.Immutable;
using System.Text.Json;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using static Mixwright.Tools.Persistence.JsonFields;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Reads a session file (format 1) into a snapshot. Everything but "format" and the tracks may be missing:
/// a file from an older writer, or trimmed by hand, gets defaults for what it lacks, and fields this
/// version does not know are ignored. Every value is checked against its declared range. Reading straight
/// from the parsed document keeps a cold `state --json` fast (no serializer warm-up).
/// </summary>
internal static class SessionFileReader
{
    public const int DefaultSampleRate = 44100;

    /// <summary>Messages from here are prefixed by the caller with the file's name.</summary>
    public static SessionSnapshot Read(JsonElement root)
    {
        var stems = ImmutableArray.CreateBuilder<Stem>();
        var tracks = ImmutableDictionary.CreateBuilder<string, TrackSettings>(StringComparer.OrdinalIgnoreCase);
        int index = 0;
        foreach (var t in Array(root, "tracks", ""))
        {
            index++;
            string name = Str(t, "name", $"track {index}: ") is { Length: > 0 } n && !string.IsNullOrWhiteSpace(n)
                ? n : throw new SessionException($"track {index} has no name.");
            string where = $"track {DisplayText.Quote(name)}: ";
            string file = Str(t, "file", where) is { Length: > 0 } f ? f : throw new SessionException($"track {DisplayText.Quote(name)} has no file.");
            if (tracks.ContainsKey(name)) throw new SessionException($"two tracks are named {DisplayText.Quote(name)}.");
            StemRoles.TryParse(Str(t, "role", where), out var role);
            string? sha = Str(t, "sha256", where);
            long? size = Long(t, "size_bytes", where);
            var modified = Time(t, "modified_utc", where);
            var fingerprint = sha is null || size is null || modified is null ? null : new StemFingerprint(sha, size.Value, modified.Value.UtcDateTime);
            stems.Add(new Stem(name, file, role, RoleSources.Parse(Str(t, "role_source", where)), Str(t, "role_evidence", where) ?? "", fingerprint));
            tracks.Add(name, ReadTrack(t, where).Validated(DisplayText.Clean(name)));
        }
        if (stems.Count == 0) throw new SessionException("the session has no tracks.");

        var r = Object(root, "reverb", "") ?? default;
        var reverb = new ReverbSettings
        {
            ReturnDb = Number(r, "return_db", "reverb: ") ?? ConsoleRanges.ReverbReturnDb.Default,
            DecayS = Number(r, "decay_s", "reverb: ") ?? ConsoleRanges.ReverbDecayS.Default,
            PreDelayMs = Number(r, "pre_delay_ms", "reverb: ") ?? ConsoleRanges.ReverbPreDelayMs.Default,
            Damping = Number(r, "damping", "reverb: ") ?? ConsoleRanges.ReverbDamping.Default,
        }.Validated();

        var m = Object(root, "master", "") ?? default;
        var limiter = Object(m, "limiter", "master: ") ?? default;
        var master = new MasterSettings
        {
            Eq = ReadEq(m, "master: "),
            Compressor = ReadCompressor(m, "master: "),
            OutputGainDb = Number(m, "output_gain_db", "master: ") ?? ConsoleRanges.OutputGainDb.Default,
            Limiter = new LimiterSettings(
                Flag(limiter, "enabled", "master limiter: ") ?? LimiterSettings.Default.Enabled,
                Number(limiter, "ceiling_dbtp", "master limiter: ") ?? LimiterSettings.Default.CeilingDbtp,
                Number(limiter, "release_ms", "master limiter: ") ?? LimiterSettings.Default.ReleaseMs),
            LoudnessTargetLufs = Number(m, "loudness_target_lufs", "master: "),
        }.Validated();
        var console = new ConsoleState(tracks.ToImmutable(), reverb, master);

        var h = Object(root, "history", "") ?? default;
        var changeSets = ImmutableArray.CreateBuilder<ChangeSet>();
        foreach (var cs in Array(h, "change_sets", "history: "))
        {
            string id = Str(cs, "id", "change set: ") ?? $"cs-{changeSets.Count + 1}";
            string where = $"change set {DisplayText.Quote(id)}: ";
            changeSets.Add(new ChangeSet(id, Time(cs, "time", where) ?? DateTimeOffset.UnixEpoch, Integer(cs, "turn", where) ?? 0,
                Str(cs, "summary", where) ?? "", ReadChanges(cs, where, console)));
        }
        int position = Integer(h, "position", "history: ") ?? changeSets.Count;
        if (position < 0 || position > changeSets.Count)
            throw new SessionException($"history position {position} is outside 0 to {changeSets.Count}.");

        Proposal? pending = null;
        if (Object(root, "pending_proposal", "") is { } p)
        {
            string id = Str(p, "id", "pending proposal: ") ?? "p-1";
            var changes = ReadChanges(p, $"pending proposal {DisplayText.Quote(id)}: ", console);
            // A summary made from the changes is not kept as given, so it follows the proposal as it grows.
            string? summary = Flag(p, "summary_given", "pending proposal: ") == false ? null : Str(p, "summary", "pending proposal: ");
            if (changes.Length > 0)
                pending = new Proposal(id, summary, changes,
                    Time(p, "created", "pending proposal: ") ?? DateTimeOffset.UnixEpoch, Integer(p, "turn", "pending proposal: ") ?? 0);
        }

        var references = ImmutableArray.CreateBuilder<ReferenceClip>();
        foreach (var reference in Array(root, "references", ""))
        {
            if (Str(reference, "file", "reference: ") is not { Length: > 0 } file) continue;
            references.Add(new ReferenceClip(Str(reference, "name", "reference: ") ?? Path.GetFileNameWithoutExtension(file), file,
                Integer(reference, "added_turn", "reference: ") ?? 0));
        }

        int sampleRate = Integer(root, "sample_rate", "") ?? DefaultSampleRate;
        if (sampleRate < MixDefinition.MinSampleRate || sampleRate > MixDefinition.MaxSampleRate)
            throw new SessionException($"sample_rate {sampleRate} is outside {MixDefinition.MinSampleRate} to {MixDefinition.MaxSampleRate} Hz.");

        var conversation = Object(root, "conversation", "") ?? default;
        var history = changeSets.ToImmutable();
        return new SessionSnapshot(
            sampleRate,
            Time(root, "created", "") ?? DateTimeOffset.UnixEpoch,
            stems.ToImmutable(),
            console,
            new ChangeHistory(history, position),
            pending,
            references.ToImmutable(),
            new ConversationContext(Integer(conversation, "turn", "conversation: ") ?? 0, Str(conversation, "last_change_set_id", "conversation: "),
                conversation.ValueKind == JsonValueKind.Object && conversation.TryGetProperty("agent", out var agent) && agent.ValueKind == JsonValueKind.Object ? agent.GetRawText() : null),
            Integer(root, "next_change_set_number", "") ?? NextNumber(history.Select(c => c.Id), "cs-"),
            Integer(root, "next_proposal_number", "") ?? NextNumber(pending is null ? [] : [pending.Id], "p-"));
    }

    private static TrackSettings ReadTrack(JsonElement t, string where)
    {
        var highPass = Object(t, "high_pass", where) ?? default;
        return new TrackSettings
        {
            GainDb = Number(t, "gain_db", where) ?? ConsoleRanges.GainDb.Default,
            Pan = Number(t, "pan", where) ?? ConsoleRanges.Pan.Default,
            Width = Number(t, "width", where) ?? ConsoleRanges.Width.Default,
            ReverbSendDb = Number(t, "reverb_send_db", where) ?? ConsoleRanges.ReverbSendDb.Default,
            Mute = Flag(t, "mute", where) ?? false,
            Solo = Flag(t, "solo", where) ?? false,
            InvertPolarity = Flag(t, "invert_polarity", where) ?? false,
            InvertRightPolarity = Flag(t, "invert_right_polarity", where) ?? false,
            HighPass = new HighPassSettings(
                Flag(highPass, "enabled", where + "high_pass ") ?? false,
                Number(highPass, "freq_hz", where + "high_pass ") ?? ConsoleRanges.HighPassFrequencyHz.Default),
            Eq = ReadEq(t, where),
            Compressor = ReadCompressor(t, where),
        };
    }

    private static ParametricEqSettings ReadEq(JsonElement owner, string where)
    {
        if (Object(owner, "eq", where) is not { } eq) return ParametricEqSettings.Flat;
        var bands = Array(eq, "bands", where + "eq ").ToList();
        if (bands.Count == 0) return ParametricEqSettings.Flat;
        if (bands.Count != ParametricEqSettings.BandCount)
            throw new SessionException($"{where}the EQ has {bands.Count} bands; it must have {ParametricEqSettings.BandCount}.");
        var flat = ParametricEqSettings.Flat.Bands;
        var read = new EqBand[bands.Count];
        for (int i = 0; i < bands.Count; i++)
        {
            string at = $"{where}EQ band {i + 1} ";
            read[i] = new EqBand(
                Str(bands[i], "type", at) is { } type ? EqBandTypes.Parse(type) : flat[i].Type,
                Number(bands[i], "freq_hz", at) ?? flat[i].FrequencyHz,
                Number(bands[i], "gain_db", at) ?? flat[i].GainDb,
                Number(bands[i], "q", at) ?? flat[i].Q);
        }
        return new ParametricEqSettings([.. read]);
    }

    private static CompressorSettings ReadCompressor(JsonElement owner, string where)
    {
        var off = CompressorSettings.Off;
        if (Object(owner, "compressor", where) is not { } c) return off;
        string at = where + "compressor ";
        return new CompressorSettings(
            Flag(c, "enabled", at) ?? off.Enabled,
            Number(c, "threshold_db", at) ?? off.ThresholdDb,
            Number(c, "ratio", at) ?? off.Ratio,
            Number(c, "attack_ms", at) ?? off.AttackMs,
            Number(c, "release_ms", at) ?? off.ReleaseMs,
            Number(c, "knee_db", at) ?? off.KneeDb,
            Number(c, "makeup_db", at) ?? off.MakeupDb,
            string.Equals(Str(c, "detector", at), "rms", StringComparison.OrdinalIgnoreCase) ? DetectorMode.Rms : DetectorMode.Peak);
    }

    private static ImmutableArray<ParameterChange> ReadChanges(JsonElement owner, string where, ConsoleState console)
    {
        var changes = ImmutableArray.CreateBuilder<ParameterChange>();
        foreach (var c in Array(owner, "changes", where))
        {
            var scope = MixTarget.ParseScope(Str(c, "target", where));
            string? track = Str(c, "track", where);
            MixTarget target;
            if (scope == TargetScope.Track)
            {
                string? known = track is null ? null : console.Tracks.Keys.FirstOrDefault(k => string.Equals(k, track, StringComparison.OrdinalIgnoreCase));
                target = known is not null ? MixTarget.ForTrack(known)
                    : throw new SessionException($"{where}a change refers to track {DisplayText.Quote(track)}, which the session does not have.");
            }
            else
            {
                target = new MixTarget(scope, null);
            }
            var spec = ParameterCatalog.Get(scope, Str(c, "parameter", where) ?? "");
            var from = spec.Validate(ParameterValueJson.Read(c, "from", where), target);
            var to = spec.Validate(ParameterValueJson.Read(c, "to", where), target);
            var r = Object(c, "rationale", where) ?? default;
            var rationale = new Rationale(Rationale.ParseSource(Str(r, "source", where)), Str(r, "sentence", where) ?? "",
                Str(r, "quote", where), Str(r, "measurement", where));
            changes.Add(new ParameterChange(target, spec.Name, from, to, spec.Unit, rationale, Integer(c, "turn", where) ?? 0));
        }
        return changes.ToImmutable();
    }

    private static int NextNumber(IEnumerable<string> ids, string prefix) =>
        1 + ids.Select(id => id.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(id[prefix.Length..], out int n) ? n : 0).DefaultIfEmpty(0).Max();
}
