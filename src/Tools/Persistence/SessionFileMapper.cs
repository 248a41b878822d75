using System.Collections.Immutable;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Between the session's immutable records and the file layout. Reading fills defaults for anything an
/// older file lacks and checks every value against its declared range, naming the file in the message.
/// </summary>
internal static class SessionFileMapper
{
    public const int DefaultSampleRate = 44100;

    public static SessionFileDto ToDto(SessionSnapshot s, long version) => new()
    {
        Format = SessionStore.CurrentFormat,
        Version = version,
        Created = s.Created,
        SampleRate = s.SampleRate,
        Tracks = s.Stems.Select(stem => ToDto(stem, s.Console.Track(stem.Name))).ToList(),
        Reverb = new ReverbDto { ReturnDb = s.Console.Reverb.ReturnDb, DecayS = s.Console.Reverb.DecayS, PreDelayMs = s.Console.Reverb.PreDelayMs, Damping = s.Console.Reverb.Damping },
        Master = new MasterDto
        {
            Eq = ToDto(s.Console.Master.Eq),
            Compressor = ToDto(s.Console.Master.Compressor),
            OutputGainDb = s.Console.Master.OutputGainDb,
            Limiter = new LimiterDto { Enabled = s.Console.Master.Limiter.Enabled, CeilingDbtp = s.Console.Master.Limiter.CeilingDbtp, ReleaseMs = s.Console.Master.Limiter.ReleaseMs },
            LoudnessTargetLufs = s.Console.Master.LoudnessTargetLufs,
        },
        History = new HistoryDto
        {
            Position = s.History.Position,
            ChangeSets = s.History.ChangeSets.Select(cs => new ChangeSetDto
            {
                Id = cs.Id, Time = cs.Time, Turn = cs.Turn, Summary = cs.Summary, Changes = cs.Changes.Select(ToDto).ToList(),
            }).ToList(),
        },
        PendingProposal = s.Pending is null ? null : new ProposalDto
        {
            Id = s.Pending.Id, Summary = s.Pending.Summary, Created = s.Pending.Created, Turn = s.Pending.Turn,
            Changes = s.Pending.Changes.Select(ToDto).ToList(),
        },
        References = s.References.Select(r => new ReferenceDto { Name = r.Name, File = r.File, AddedTurn = r.AddedTurn }).ToList(),
        Conversation = new ConversationDto { Turn = s.Conversation.Turn, LastChangeSetId = s.Conversation.LastChangeSetId },
        NextChangeSetNumber = s.NextChangeSetNumber,
        NextProposalNumber = s.NextProposalNumber,
    };

    public static SessionSnapshot FromDto(SessionFileDto dto, string fileName)
    {
        try
        {
            return Read(dto);
        }
        catch (Exception e) when (e is ArgumentException or SessionException or InvalidOperationException)
        {
            throw new SessionException($"{fileName}: {e.Message}", e);
        }
    }

    private static SessionSnapshot Read(SessionFileDto dto)
    {
        if (dto.Tracks is null || dto.Tracks.Count == 0) throw new SessionException("the session has no tracks.");
        var stems = ImmutableArray.CreateBuilder<Stem>();
        var tracks = ImmutableDictionary.CreateBuilder<string, TrackSettings>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < dto.Tracks.Count; i++)
        {
            var t = dto.Tracks[i];
            if (string.IsNullOrWhiteSpace(t.Name)) throw new SessionException($"track {i + 1} has no name.");
            if (string.IsNullOrWhiteSpace(t.File)) throw new SessionException($"track {DisplayText.Quote(t.Name)} has no file.");
            if (tracks.ContainsKey(t.Name)) throw new SessionException($"two tracks are named {DisplayText.Quote(t.Name)}.");
            StemRoles.TryParse(t.Role, out var role);
            var fingerprint = t.Sha256 is null || t.SizeBytes is null || t.ModifiedUtc is null
                ? null
                : new StemFingerprint(t.Sha256, t.SizeBytes.Value, DateTime.SpecifyKind(t.ModifiedUtc.Value, DateTimeKind.Utc));
            stems.Add(new Stem(t.Name, t.File, role, RoleSources.Parse(t.RoleSource), t.RoleEvidence ?? "", fingerprint));
            tracks.Add(t.Name, ReadTrack(t).Validated(DisplayText.Clean(t.Name)));
        }

        var reverb = new ReverbSettings
        {
            ReturnDb = dto.Reverb?.ReturnDb ?? ConsoleRanges.ReverbReturnDb.Default,
            DecayS = dto.Reverb?.DecayS ?? ConsoleRanges.ReverbDecayS.Default,
            PreDelayMs = dto.Reverb?.PreDelayMs ?? ConsoleRanges.ReverbPreDelayMs.Default,
            Damping = dto.Reverb?.Damping ?? ConsoleRanges.ReverbDamping.Default,
        }.Validated();
        var m = dto.Master;
        var master = new MasterSettings
        {
            Eq = ReadEq(m?.Eq),
            Compressor = ReadCompressor(m?.Compressor),
            OutputGainDb = m?.OutputGainDb ?? ConsoleRanges.OutputGainDb.Default,
            Limiter = new LimiterSettings(
                m?.Limiter?.Enabled ?? LimiterSettings.Default.Enabled,
                m?.Limiter?.CeilingDbtp ?? LimiterSettings.Default.CeilingDbtp,
                m?.Limiter?.ReleaseMs ?? LimiterSettings.Default.ReleaseMs),
            LoudnessTargetLufs = m?.LoudnessTargetLufs,
        }.Validated();
        var console = new ConsoleState(tracks.ToImmutable(), reverb, master);

        var changeSets = (dto.History?.ChangeSets ?? []).Select((cs, i) => new ChangeSet(
            cs.Id ?? $"cs-{i + 1}",
            cs.Time ?? DateTimeOffset.UnixEpoch,
            cs.Turn ?? 0,
            cs.Summary ?? "",
            [.. (cs.Changes ?? []).Select(c => ReadChange(c, console))])).ToImmutableArray();
        int position = dto.History?.Position ?? changeSets.Length;
        if (position < 0 || position > changeSets.Length)
            throw new SessionException($"history position {position} is outside 0 to {changeSets.Length}.");

        Proposal? pending = dto.PendingProposal is { } p
            ? new Proposal(p.Id ?? "p-1", p.Summary, [.. (p.Changes ?? []).Select(c => ReadChange(c, console))], p.Created ?? DateTimeOffset.UnixEpoch, p.Turn ?? 0)
            : null;
        if (pending is { Changes.Length: 0 }) pending = null;

        var references = (dto.References ?? [])
            .Where(r => !string.IsNullOrWhiteSpace(r.File))
            .Select(r => new ReferenceClip(r.Name ?? Path.GetFileNameWithoutExtension(r.File!), r.File!, r.AddedTurn ?? 0))
            .ToImmutableArray();

        int sampleRate = dto.SampleRate ?? DefaultSampleRate;
        if (sampleRate < Dsp.Mixing.MixDefinition.MinSampleRate || sampleRate > Dsp.Mixing.MixDefinition.MaxSampleRate)
            throw new SessionException($"sample_rate {sampleRate} is outside {Dsp.Mixing.MixDefinition.MinSampleRate} to {Dsp.Mixing.MixDefinition.MaxSampleRate} Hz.");

        return new SessionSnapshot(
            sampleRate,
            dto.Created ?? DateTimeOffset.UnixEpoch,
            stems.ToImmutable(),
            console,
            new ChangeHistory(changeSets, position),
            pending,
            references,
            new ConversationContext(dto.Conversation?.Turn ?? 0, dto.Conversation?.LastChangeSetId),
            dto.NextChangeSetNumber ?? NextNumber(changeSets.Select(c => c.Id), "cs-"),
            dto.NextProposalNumber ?? NextNumber(pending is null ? [] : [pending.Id], "p-"));
    }

    private static TrackSettings ReadTrack(TrackDto t) => new()
    {
        GainDb = t.GainDb ?? ConsoleRanges.GainDb.Default,
        Pan = t.Pan ?? ConsoleRanges.Pan.Default,
        Width = t.Width ?? ConsoleRanges.Width.Default,
        ReverbSendDb = t.ReverbSendDb ?? ConsoleRanges.ReverbSendDb.Default,
        Mute = t.Mute ?? false,
        Solo = t.Solo ?? false,
        InvertPolarity = t.InvertPolarity ?? false,
        HighPass = new HighPassSettings(t.HighPass?.Enabled ?? false, t.HighPass?.FreqHz ?? ConsoleRanges.HighPassFrequencyHz.Default),
        Eq = ReadEq(t.Eq),
        Compressor = ReadCompressor(t.Compressor),
    };

    private static ParametricEqSettings ReadEq(EqDto? eq)
    {
        if (eq?.Bands is null) return ParametricEqSettings.Flat;
        if (eq.Bands.Count != ParametricEqSettings.BandCount)
            throw new SessionException($"an EQ has {eq.Bands.Count} bands; it must have {ParametricEqSettings.BandCount}.");
        var flat = ParametricEqSettings.Flat.Bands;
        return new ParametricEqSettings([.. eq.Bands.Select((b, i) => new EqBand(
            b.Type is null ? flat[i].Type : ParseBandType(b.Type),
            b.FreqHz ?? flat[i].FrequencyHz,
            b.GainDb ?? flat[i].GainDb,
            b.Q ?? flat[i].Q))]);
    }

    private static CompressorSettings ReadCompressor(CompressorDto? c)
    {
        var off = CompressorSettings.Off;
        if (c is null) return off;
        return new CompressorSettings(
            c.Enabled ?? off.Enabled, c.ThresholdDb ?? off.ThresholdDb, c.Ratio ?? off.Ratio, c.AttackMs ?? off.AttackMs,
            c.ReleaseMs ?? off.ReleaseMs, c.KneeDb ?? off.KneeDb, c.MakeupDb ?? off.MakeupDb,
            string.Equals(c.Detector, "rms", StringComparison.OrdinalIgnoreCase) ? DetectorMode.Rms : DetectorMode.Peak);
    }

    private static ParameterChange ReadChange(ChangeDto c, ConsoleState console)
    {
        var scope = MixTarget.ParseScope(c.Target);
        if (scope == TargetScope.Track && (c.Track is null || !console.Tracks.ContainsKey(c.Track)))
            throw new SessionException($"a change refers to track {DisplayText.Quote(c.Track)}, which the session does not have.");
        var target = scope == TargetScope.Track ? MixTarget.ForTrack(console.Tracks.Keys.First(k => string.Equals(k, c.Track, StringComparison.OrdinalIgnoreCase))) : new MixTarget(scope, null);
        var spec = ParameterCatalog.Get(scope, c.Parameter ?? "");
        spec.Validate(c.From, target);
        spec.Validate(c.To, target);
        var r = c.Rationale;
        var rationale = new Rationale(Rationale.ParseSource(r?.Source), r?.Sentence ?? "", r?.Quote, r?.Measurement);
        return new ParameterChange(target, spec.Name, c.From, c.To, spec.Unit, rationale, c.Turn ?? 0);
    }

    private static TrackDto ToDto(Stem stem, TrackSettings t) => new()
    {
        Name = stem.Name,
        File = stem.File,
        Role = stem.Role.WireName(),
        RoleSource = stem.RoleSource.WireName(),
        RoleEvidence = stem.RoleEvidence,
        Sha256 = stem.Fingerprint?.Sha256,
        SizeBytes = stem.Fingerprint?.SizeBytes,
        ModifiedUtc = stem.Fingerprint?.ModifiedUtc,
        GainDb = t.GainDb,
        Pan = t.Pan,
        Width = t.Width,
        ReverbSendDb = t.ReverbSendDb,
        Mute = t.Mute,
        Solo = t.Solo,
        InvertPolarity = t.InvertPolarity,
        HighPass = new HighPassDto { Enabled = t.HighPass.Enabled, FreqHz = t.HighPass.FrequencyHz },
        Eq = ToDto(t.Eq),
        Compressor = ToDto(t.Compressor),
    };

    private static EqDto ToDto(ParametricEqSettings eq) => new()
    {
        Bands = eq.Bands.Select(b => new EqBandDto { Type = BandTypeName(b.Type), FreqHz = b.FrequencyHz, GainDb = b.GainDb, Q = b.Q }).ToList(),
    };

    private static CompressorDto ToDto(CompressorSettings c) => new()
    {
        Enabled = c.Enabled, ThresholdDb = c.ThresholdDb, Ratio = c.Ratio, AttackMs = c.AttackMs, ReleaseMs = c.ReleaseMs,
        KneeDb = c.KneeDb, MakeupDb = c.MakeupDb, Detector = c.Detector == DetectorMode.Rms ? "rms" : "peak",
    };

    private static ChangeDto ToDto(ParameterChange c) => new()
    {
        Target = c.Target.ScopeWireName,
        Track = c.Target.Track,
        Parameter = c.Parameter,
        From = c.From,
        To = c.To,
        Unit = c.Unit,
        Turn = c.Turn,
        Rationale = new RationaleDto
        {
            Source = Rationale.WireName(c.Rationale.Source), Quote = c.Rationale.Quote, Measurement = c.Rationale.Measurement, Sentence = c.Rationale.Sentence,
        },
    };

    public static string BandTypeName(EqBandType type) => type switch
    {
        EqBandType.LowShelf => "low_shelf",
        EqBandType.HighShelf => "high_shelf",
        _ => "peaking",
    };

    private static EqBandType ParseBandType(string wire) => wire switch
    {
        "low_shelf" => EqBandType.LowShelf,
        "high_shelf" => EqBandType.HighShelf,
        "peaking" => EqBandType.Peaking,
        _ => throw new SessionException($"unknown EQ band type \"{DisplayText.Clean(wire)}\" (expected low_shelf, peaking or high_shelf)."),
    };

    private static int NextNumber(IEnumerable<string> ids, string prefix) =>
        1 + ids.Select(id => id.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(id[prefix.Length..], out int n) ? n : 0).DefaultIfEmpty(0).Max();
}
