using System.Collections.Immutable;

namespace Mixwright.Tools.Session;

/// <summary>
/// Everything a session file holds, as one immutable value. <see cref="MixSession"/> swaps snapshots only
/// after the new one is safely on disk, so a failed save never leaves memory and file disagreeing.
/// </summary>
public sealed record SessionSnapshot(
    int SampleRate,
    DateTimeOffset Created,
    ImmutableArray<Stem> Stems,
    ConsoleState Console,
    ChangeHistory History,
    Proposal? Pending,
    ImmutableArray<ReferenceClip> References,
    ConversationContext Conversation,
    int NextChangeSetNumber,
    int NextProposalNumber);
