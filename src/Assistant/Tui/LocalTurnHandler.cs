using Mixwright.Assistant.Agent;
using Mixwright.Tools;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Roles;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// A turn handler with no model: the offline <see cref="LocalInterpreter"/> reads the message and its tool
/// calls run against the mix plugin by name, exactly as an agent's calls would. It keeps the conversation
/// bookkeeping the interpreter needs (the last change for "more", the pending proposal for "yes", the open
/// question) and notices when the TUI applied or dropped a proposal itself.
/// </summary>
public sealed class LocalTurnHandler : ITurnHandler
{
    private readonly MixTools _tools;
    private readonly ToolRunner _runner;
    private readonly LocalInterpreter _interpreter;
    private readonly Lock _gate = new();

    private ChangeRecord? _lastChange;
    private ChangeRecord? _pendingProposal;
    private int _historyWhenProposed;
    private QuestionInterpretation? _question;

    public LocalTurnHandler(MixTools tools, LocalInterpreter? interpreter = null)
    {
        _tools = tools;
        _runner = new ToolRunner(tools);
        _interpreter = interpreter ?? new LocalInterpreter();
    }

    public string Name => "local interpreter";

    public Task<TurnResult> HandleAsync(string text, CancellationToken cancellation) =>
        Task.Run(() => Handle(text, cancellation), cancellation);

    private async Task<TurnResult> Handle(string text, CancellationToken cancellation)
    {
        var session = _tools.Session;
        InterpreterContext context;
        lock (_gate)
        {
            FollowSession();
            context = new InterpreterContext(
                session.Stems.Select(s => new TrackInfo(s.Name, s.Role.WireName())).ToList(),
                _lastChange, _pendingProposal, _question, null,
                session.References.Select(r => r.File).ToList());
        }
        session.BeginTurn();
        _tools.Reads.AllowNamedIn(text); // a file the user typed here is one they named
        var interpretation = _interpreter.Interpret(text, context);
        lock (_gate) _question = interpretation as QuestionInterpretation;
        return interpretation switch
        {
            QuestionInterpretation q => new TurnResult(q.Question, q.Options.Count == 0 ? null : new TurnQuestion(q.Question, q.Options.Select(o => o.Label).ToList())),
            ToolCallsInterpretation calls => await Run(calls.Calls, text, cancellation),
            ReplyInterpretation reply => new TurnResult(reply.Text),
            _ => new TurnResult("I did not understand that; press F1 for help."),
        };
    }

    private async Task<TurnResult> Run(IReadOnlyList<ToolCall> calls, string userWords, CancellationToken cancellation)
    {
        var lines = new List<string>();
        int proposalLine = -1;
        bool changed = false, render = false;
        var proposed = new List<ToolCall>();
        IReadOnlyList<ToolCall> proposedEarlier;
        lock (_gate) proposedEarlier = _pendingProposal?.Calls ?? [];
        foreach (var call in calls)
        {
            cancellation.ThrowIfCancellationRequested();
            if (call.Name == ToolNames.Render)
            {
                render = true;
                continue;
            }
            // The interpreter emits the plugin's own calls; the runner checks and binds them as for a model.
            var (text, ok) = ToolReplyText.Describe(call.Name, await _runner.InvokeAsync(QuotingUser(call, userWords), cancellation));
            if (ok && ToolNames.Changing.Contains(call.Name))
            {
                // One proposal grows call by call: show only its final state.
                if (proposalLine >= 0) lines.RemoveAt(proposalLine);
                proposalLine = lines.Count;
                proposed.Add(call);
            }
            lines.Add(text);
            if (!ok) continue;
            changed |= !ToolNames.ReadOnly.Contains(call.Name);
            Remember(call, [.. proposedEarlier, .. proposed], userWords);
        }
        if (render) lines.Add("Rendering the mix (Esc cancels)…");
        return new TurnResult(string.Join("\n", lines), null, changed, render);
    }

    /// <summary>The user's own words go with every change that can carry them, so its rationale quotes them.</summary>
    private ToolCall QuotingUser(ToolCall call, string userWords)
    {
        if (call.Arguments.ContainsKey("user_words") || !_runner.Plugin.TryGetFunction(call.Name, out var function)
            || !function.Metadata.Parameters.Any(p => p.Name == "user_words"))
            return call;
        var arguments = (System.Text.Json.Nodes.JsonObject)call.Arguments.DeepClone();
        arguments["user_words"] = userWords;
        return new ToolCall(call.Name, arguments);
    }

    private void Remember(ToolCall call, IReadOnlyList<ToolCall> pendingCalls, string userWords)
    {
        var session = _tools.Session;
        lock (_gate)
        {
            switch (call.Name)
            {
                case ToolNames.Commit:
                    _lastChange = _pendingProposal;
                    _pendingProposal = null;
                    break;
                case ToolNames.Discard:
                    _pendingProposal = null;
                    break;
                case var name when ToolNames.Changing.Contains(name):
                    _pendingProposal = new ChangeRecord(pendingCalls, userWords);
                    _historyWhenProposed = session.History.Position;
                    break;
            }
        }
    }

    /// <summary>The TUI's own Apply / Discard / Edit keys change the session behind the conversation's back.</summary>
    private void FollowSession()
    {
        var session = _tools.Session;
        if (session.Pending is null && _pendingProposal is not null)
        {
            if (session.History.Position > _historyWhenProposed) _lastChange = _pendingProposal;
            _pendingProposal = null;
        }
        else if (session.Pending is { } pending && _pendingProposal is null)
        {
            _pendingProposal = new ChangeRecord([], pending.Title);
            _historyWhenProposed = session.History.Position;
        }
    }
}
