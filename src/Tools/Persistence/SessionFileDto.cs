using Mixwright.Tools.Session;

namespace Mixwright.Tools.Persistence;

// The session file's layout (format 1), as plain classes for System.Text.Json with snake_case names.
// Everything but "format" may be missing: a file written by an older Mixwright, or trimmed by hand,
// loads with defaults for what it lacks; fields this version does not know are ignored.

internal sealed class SessionFileDto
{
    public int? Format { get; set; }
    public long Version { get; set; }
    public DateTimeOffset? Created { get; set; }
    public int? SampleRate { get; set; }
    public List<TrackDto>? Tracks { get; set; }
    public ReverbDto? Reverb { get; set; }
    public MasterDto? Master { get; set; }
    public HistoryDto? History { get; set; }
    public ProposalDto? PendingProposal { get; set; }
    public List<ReferenceDto>? References { get; set; }
    public ConversationDto? Conversation { get; set; }
    public int? NextChangeSetNumber { get; set; }
    public int? NextProposalNumber { get; set; }
}

internal sealed class TrackDto
{
    public string? Name { get; set; }
    public string? File { get; set; }
    public string? Role { get; set; }
    public string? RoleSource { get; set; }
    public string? RoleEvidence { get; set; }
    public string? Sha256 { get; set; }
    public long? SizeBytes { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public double? GainDb { get; set; }
    public double? Pan { get; set; }
    public double? Width { get; set; }
    public double? ReverbSendDb { get; set; }
    public bool? Mute { get; set; }
    public bool? Solo { get; set; }
    public bool? InvertPolarity { get; set; }
    public HighPassDto? HighPass { get; set; }
    public EqDto? Eq { get; set; }
    public CompressorDto? Compressor { get; set; }
}

internal sealed class HighPassDto
{
    public bool? Enabled { get; set; }
    public double? FreqHz { get; set; }
}

internal sealed class EqDto
{
    public List<EqBandDto>? Bands { get; set; }
}

internal sealed class EqBandDto
{
    public string? Type { get; set; }
    public double? FreqHz { get; set; }
    public double? GainDb { get; set; }
    public double? Q { get; set; }
}

internal sealed class CompressorDto
{
    public bool? Enabled { get; set; }
    public double? ThresholdDb { get; set; }
    public double? Ratio { get; set; }
    public double? AttackMs { get; set; }
    public double? ReleaseMs { get; set; }
    public double? KneeDb { get; set; }
    public double? MakeupDb { get; set; }
    public string? Detector { get; set; }
}

internal sealed class ReverbDto
{
    public double? ReturnDb { get; set; }
    public double? DecayS { get; set; }
    public double? PreDelayMs { get; set; }
    public double? Damping { get; set; }
}

internal sealed class MasterDto
{
    public EqDto? Eq { get; set; }
    public CompressorDto? Compressor { get; set; }
    public double? OutputGainDb { get; set; }
    public LimiterDto? Limiter { get; set; }
    public double? LoudnessTargetLufs { get; set; }
}

internal sealed class LimiterDto
{
    public bool? Enabled { get; set; }
    public double? CeilingDbtp { get; set; }
    public double? ReleaseMs { get; set; }
}

internal sealed class HistoryDto
{
    public int? Position { get; set; }
    public List<ChangeSetDto>? ChangeSets { get; set; }
}

internal sealed class ChangeSetDto
{
    public string? Id { get; set; }
    public DateTimeOffset? Time { get; set; }
    public int? Turn { get; set; }
    public string? Summary { get; set; }
    public List<ChangeDto>? Changes { get; set; }
}

internal sealed class ChangeDto
{
    public string? Target { get; set; }
    public string? Track { get; set; }
    public string? Parameter { get; set; }
    public ParameterValue From { get; set; }
    public ParameterValue To { get; set; }
    public string? Unit { get; set; }
    public int? Turn { get; set; }
    public RationaleDto? Rationale { get; set; }
}

internal sealed class RationaleDto
{
    public string? Source { get; set; }
    public string? Quote { get; set; }
    public string? Measurement { get; set; }
    public string? Sentence { get; set; }
}

internal sealed class ProposalDto
{
    public string? Id { get; set; }
    public string? Summary { get; set; }
    public DateTimeOffset? Created { get; set; }
    public int? Turn { get; set; }
    public List<ChangeDto>? Changes { get; set; }
}

internal sealed class ReferenceDto
{
    public string? Name { get; set; }
    public string? File { get; set; }
    public int? AddedTurn { get; set; }
}

internal sealed class ConversationDto
{
    public int? Turn { get; set; }
    public string? LastChangeSetId { get; set; }
}
