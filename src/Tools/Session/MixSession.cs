using System.Collections.Immutable;
using Mixwright.Dsp.Mixing;
using Mixwright.Tools.Persistence;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Session;

/// <summary>
/// An open mix session: stems and their roles, the console, the history of committed change sets, the
/// pending proposal, references and the conversation's bookkeeping. Every change goes through a proposal
/// and is saved before it counts: a change that cannot be saved (another process got there first) is not
/// made in memory either.
/// </summary>
public sealed class MixSession
{
    private static readonly string[] MasterWords = ["master", "master bus", "the master", "mix", "the mix", "whole mix", "stereo bus", "mix bus"];
    private static readonly string[] ReverbWords = ["reverb", "reverb bus", "the reverb", "verb", "reverb return"];

    /// <summary>Track names that would collide with the bus words above.</summary>
    internal static IReadOnlyList<string> ReservedTrackNames => MasterWords;

    private readonly Lock _gate = new();

    private MixSession(string filePath, SessionSnapshot snapshot, long version, TimeProvider clock)
    {
        FilePath = Path.GetFullPath(filePath);
        Directory = Path.GetDirectoryName(FilePath)!;
        Snapshot = snapshot;
        Version = version;
        Clock = clock;
    }

    public string FilePath { get; }
    /// <summary>The folder stem and reference paths are relative to.</summary>
    public string Directory { get; }
    public SessionSnapshot Snapshot { get; private set; }
    /// <summary>The file's version counter when this handle last loaded or saved it.</summary>
    public long Version { get; private set; }
    public TimeProvider Clock { get; }

    public IReadOnlyList<Stem> Stems => Snapshot.Stems;
    public ConsoleState Console => Snapshot.Console;
    public ChangeHistory History => Snapshot.History;
    public Proposal? Pending => Snapshot.Pending;
    public ConversationContext Conversation => Snapshot.Conversation;
    public IReadOnlyList<ReferenceClip> References => Snapshot.References;
    public int SampleRate => Snapshot.SampleRate;

    public static MixSession Load(string path, TimeProvider? clock = null)
    {
        var (snapshot, version) = SessionStore.Load(path);
        return new MixSession(path, snapshot, version, clock ?? TimeProvider.System);
    }

    /// <summary>Writes a new session file; refuses to replace an existing one.</summary>
    public static MixSession Create(string path, IReadOnlyList<Stem> stems, int sampleRate, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        if (stems.Count == 0) throw new SessionException("A session needs at least one stem.");
        var snapshot = new SessionSnapshot(
            sampleRate, clock.GetUtcNow(), [.. stems], ConsoleState.Initial(stems.Select(s => s.Name)), ChangeHistory.Empty,
            null, [], ConversationContext.Start, 1, 1);
        long version = SessionStore.Save(path, snapshot, expectedVersion: null);
        return new MixSession(path, snapshot, version, clock);
    }

    /// <summary>Drops this handle's view and reads the file again (after a conflict, for example).</summary>
    public void Reload()
    {
        lock (_gate)
        {
            var (snapshot, version) = SessionStore.Load(FilePath);
            Snapshot = snapshot;
            Version = version;
        }
    }

    public Stem ResolveTrack(string? query) => TrackResolver.Resolve(Stems, query);

    /// <summary>A track, or the master / reverb bus when the words name them.</summary>
    public MixTarget ResolveTarget(string? query)
    {
        string q = (query ?? "").Trim().ToLowerInvariant();
        if (MasterWords.Contains(q)) return MixTarget.Master;
        var exact = Stems.FirstOrDefault(s => string.Equals(s.Name, query?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return MixTarget.ForTrack(exact.Name);
        if (ReverbWords.Contains(q)) return MixTarget.Reverb;
        return MixTarget.ForTrack(ResolveTrack(query).Name);
    }

    public string StemPath(Stem stem) => ResolvePath(stem.File);

    public string ResolvePath(string relative) => Path.GetFullPath(Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar)));

    public string RelativePath(string path) => Path.GetRelativePath(Directory, Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The engine's render input for the current console, or for another state of it.</summary>
    public MixDefinition ToMixDefinition(ConsoleState? state = null)
    {
        state ??= Console;
        var tracks = Stems.Select(s => new MixTrack(s.Name, StemPath(s), state.Track(s.Name))).ToImmutableArray();
        return new MixDefinition(tracks, state.Reverb, state.Master, SampleRate);
    }

    public HistoryPoint ParsePoint(string? text) => HistoryPoint.Parse(text, History, Pending);

    /// <summary>The console as it was (or would be) at a history point.</summary>
    public ConsoleState StateAt(HistoryPoint point)
    {
        var snapshot = Snapshot;
        var state = snapshot.Console;
        var history = snapshot.History;
        for (int i = history.Position - 1; i >= point.Position; i--) state = Revert(state, history.ChangeSets[i]);
        for (int i = history.Position; i < point.Position; i++) state = Replay(state, history.ChangeSets[i].Changes);
        if (point.WithPending && snapshot.Pending is not null) state = Replay(state, snapshot.Pending.Changes);
        return state;
    }

    /// <summary>
    /// Adds changes to the pending proposal (starting one if needed). Every request is checked against its
    /// declared range first: one bad value rejects the whole call and nothing is proposed. A later request
    /// for a parameter already in the proposal replaces it.
    /// </summary>
    public Proposal Propose(IReadOnlyList<ChangeRequest> requests, string? summary = null)
    {
        if (requests.Count == 0) throw new SessionException("Nothing to propose: no changes were given.");
        return Mutate(s =>
        {
            var checkedRequests = requests.Select(r => Check(r)).ToList();
            var proposal = s.Pending ?? new Proposal($"p-{s.NextProposalNumber}", null, [], Clock.GetUtcNow(), s.Conversation.Turn);
            var changes = proposal.Changes.ToList();
            bool anything = false;
            var alreadyThere = new List<string>();
            foreach (var (request, spec) in checkedRequests)
            {
                var from = spec.Get(s.Console, request.Target);
                var change = new ParameterChange(request.Target, spec.Name, from, request.To, spec.Unit, request.Rationale, s.Conversation.Turn);
                int existing = changes.FindIndex(c => c.Touches(request.Target, spec.Name));
                bool noOp = SameValue(from, request.To);
                if (existing >= 0)
                {
                    if (noOp) changes.RemoveAt(existing); else changes[existing] = change;
                    anything = true;
                }
                else if (!noOp)
                {
                    changes.Add(change);
                    anything = true;
                }
                else
                {
                    alreadyThere.Add($"{DisplayText.Clean(request.Target.ToString())} {spec.Name} is already {from.Display(spec.Unit)}");
                }
            }
            if (!anything) throw new SessionException(string.Join("; ", alreadyThere) + ". Nothing to propose.");
            proposal = proposal with { Changes = [.. changes], Summary = summary ?? proposal.Summary };
            var next = s with
            {
                Pending = changes.Count == 0 ? null : proposal,
                NextProposalNumber = s.Pending is null ? s.NextProposalNumber + 1 : s.NextProposalNumber,
            };
            return (next, proposal);
        });
    }

    /// <summary>Gives the pending proposal a one-line summary, for the user to confirm.</summary>
    public Proposal Retitle(string summary) => Mutate(s =>
    {
        var pending = s.Pending ?? throw NoPending("summarise");
        var titled = pending with { Summary = string.IsNullOrWhiteSpace(summary) ? pending.Summary : summary.Trim() };
        return (s with { Pending = titled }, titled);
    });

    /// <summary>
    /// Applies the pending proposal as one change set. Old values are taken from the console now. With
    /// <paramref name="include"/>, only the changes it accepts are applied ("only the vocal part"); the rest of
    /// the proposal is dropped with it.
    /// </summary>
    public ChangeSet Commit(string? summary = null, Func<ParameterChange, bool>? include = null) => Mutate(s =>
    {
        var pending = s.Pending ?? throw NoPending("commit");
        var console = s.Console;
        var applied = new List<ParameterChange>();
        var chosen = include is null ? pending.Changes.ToList() : pending.Changes.Where(include).ToList();
        if (chosen.Count == 0)
            throw new SessionException($"Proposal {pending.Id} has no changes on the tracks named; it changes {string.Join(", ", pending.Changes.Select(c => Text.DisplayText.Clean(c.Target.ToString())).Distinct())}.");
        foreach (var change in chosen)
        {
            var spec = ParameterCatalog.Get(change.Target.Scope, change.Parameter);
            var from = spec.Get(console, change.Target);
            if (SameValue(from, change.To)) continue;
            console = spec.Set(console, change.Target, change.To);
            applied.Add(change with { From = from });
        }
        if (applied.Count == 0)
            throw new SessionException($"Nothing to commit: every change in proposal {pending.Id} is already in effect.");
        var changeSet = new ChangeSet($"cs-{s.NextChangeSetNumber}", Clock.GetUtcNow(), s.Conversation.Turn,
            !string.IsNullOrWhiteSpace(summary) ? summary.Trim() : include is null ? pending.Title : ChangeSet.SummariseChanges(applied), [.. applied]);
        var history = new ChangeHistory([.. s.History.ChangeSets.Take(s.History.Position), changeSet], s.History.Position + 1);
        var next = s with
        {
            Console = console,
            History = history,
            Pending = null,
            NextChangeSetNumber = s.NextChangeSetNumber + 1,
            Conversation = s.Conversation with { LastChangeSetId = changeSet.Id },
        };
        return (next, changeSet);
    });

    /// <summary>Throws the pending proposal away; the console is untouched.</summary>
    public Proposal Discard() => Mutate(s =>
    {
        var pending = s.Pending ?? throw NoPending("discard");
        return (s with { Pending = null }, pending);
    });

    /// <summary>Reverts the most recent change set still in effect.</summary>
    public ChangeSet Undo() => Mutate(s =>
    {
        var history = s.History;
        if (!history.CanUndo)
            throw new SessionException(history.ChangeSets.Length == 0
                ? "Nothing to undo: no change has been committed yet."
                : "Nothing to undo: every change set is already undone; the mix is at its starting point.");
        var changeSet = history.ChangeSets[history.Position - 1];
        var next = s with { Console = Revert(s.Console, changeSet), History = history with { Position = history.Position - 1 } };
        return (next, changeSet);
    });

    /// <summary>Re-applies the change set most recently undone.</summary>
    public ChangeSet Redo() => Mutate(s =>
    {
        var history = s.History;
        if (!history.CanRedo) throw new SessionException("Nothing to redo: no change set has been undone since the last commit.");
        var changeSet = history.ChangeSets[history.Position];
        var next = s with { Console = Replay(s.Console, changeSet.Changes), History = history with { Position = history.Position + 1 } };
        return (next, changeSet);
    });

    /// <summary>The chat layer calls this for each user message; explain quotes turn numbers.</summary>
    public int BeginTurn() => Mutate(s =>
    {
        var conversation = s.Conversation with { Turn = s.Conversation.Turn + 1 };
        return (s with { Conversation = conversation }, conversation.Turn);
    });

    /// <summary>Remembers a reference recording (stored relative to the session). The same file is added once.</summary>
    public ReferenceClip AddReference(string path, string? name = null)
    {
        string full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Directory, path));
        if (!File.Exists(full)) throw new SessionException($"Reference file not found: {DisplayText.Quote(full)}.");
        string relative = RelativePath(full);
        var existing = References.FirstOrDefault(r => r.File == relative);
        if (existing is not null) return existing;
        return Mutate(s =>
        {
            var clip = new ReferenceClip(DisplayText.Clean(name ?? Path.GetFileNameWithoutExtension(full)), relative, s.Conversation.Turn);
            return (s with { References = s.References.Add(clip) }, clip);
        });
    }

    /// <summary>The user corrects a role ("Audio 3 is a shaker").</summary>
    public Stem SetRole(string track, StemRole role)
    {
        var stem = ResolveTrack(track);
        return Mutate(s =>
        {
            var updated = stem with { Role = role, RoleSource = RoleSource.User, RoleEvidence = "set by the user" };
            return (s with { Stems = s.Stems.Replace(s.Stems.First(x => x.Name == stem.Name), updated) }, updated);
        });
    }

    /// <summary>Why a parameter has its value, from the rationale history.</summary>
    public string Explain(string track, string parameter) => ChangeExplainer.Explain(Snapshot, ResolveTarget(track), parameter);

    private (ChangeRequest Request, ParameterSpec Spec) Check(ChangeRequest request)
    {
        var target = request.Target;
        if (target.Scope == TargetScope.Track) target = MixTarget.ForTrack(ResolveTrack(target.Track).Name);
        var spec = ParameterCatalog.Get(target.Scope, request.Parameter);
        spec.Validate(request.To, target);
        if (string.IsNullOrWhiteSpace(request.Rationale.Sentence))
            throw new SessionException($"Every change needs a plain-language reason ({DisplayText.Clean(target.ToString())} {spec.Name} has none).");
        return (request with { Target = target }, spec);
    }

    private static ConsoleState Replay(ConsoleState state, IEnumerable<ParameterChange> changes)
    {
        foreach (var c in changes) state = ParameterCatalog.Get(c.Target.Scope, c.Parameter).Set(state, c.Target, c.To);
        return state;
    }

    private static ConsoleState Revert(ConsoleState state, ChangeSet changeSet)
    {
        for (int i = changeSet.Changes.Length - 1; i >= 0; i--)
        {
            var c = changeSet.Changes[i];
            state = ParameterCatalog.Get(c.Target.Scope, c.Parameter).Set(state, c.Target, c.From);
        }
        return state;
    }

    internal static bool SameValue(ParameterValue a, ParameterValue b) =>
        a.Kind == b.Kind && a.Flag == b.Flag && Math.Abs(a.Number - b.Number) < 1e-9;

    private static SessionException NoPending(string verb) =>
        new($"Nothing to {verb}: there is no pending proposal. Propose a change first.");

    private T Mutate<T>(Func<SessionSnapshot, (SessionSnapshot Next, T Result)> change)
    {
        lock (_gate)
        {
            var (next, result) = change(Snapshot);
            Version = SessionStore.Save(FilePath, next, Version);
            Snapshot = next;
            return result;
        }
    }
}
