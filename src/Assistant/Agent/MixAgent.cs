using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The conversational agent: one loop for every back-end. A user message goes to the chat service (the
/// local interpreter or an LLM) with the system prompt, a compact session summary and the trimmed history;
/// the tool calls it answers with are read, checked against the plugin's contract and the console ranges,
/// and run through the Semantic Kernel plugin; refused calls get a message instead and never run. Changes
/// only become proposals: <c>commit</c> runs only when the user's own message confirms a proposal they have
/// already seen (or with <see cref="AgentOptions.AutoConfirm"/>). The memory of the conversation and the
/// pending proposal live in the session, so the next process can carry on ("yes", "a bit more").
/// </summary>
public sealed class MixAgent
{
    private readonly MixSession _session;
    private readonly ToolRunner _runner;
    private readonly IChatCompletionService _chat;
    private readonly AgentOptions _options;
    private readonly LocalInterpreter _interpreter;
    private readonly PromptLibrary _prompts;
    private readonly ChatHistoryBudget _budget;
    private AgentMemory _memory;
    private QuestionInterpretation? _question;
    private bool _questionAsked;
    private bool _describeTools = true;

    /// <param name="chat">Builds the chat service; it gets this agent so a local back-end can read the conversation.</param>
    public MixAgent(MixSession session, ToolRunner runner, Func<MixAgent, IChatCompletionService> chat, AgentOptions? options = null,
        LocalInterpreter? interpreter = null, PromptLibrary? prompts = null)
    {
        _session = session;
        _runner = runner;
        _options = options ?? new AgentOptions();
        _interpreter = interpreter ?? new LocalInterpreter();
        _prompts = prompts ?? PromptLibrary.Default;
        _budget = new ChatHistoryBudget(_options.HistoryTokenBudget);
        _memory = AgentMemory.Parse(session.Conversation.AgentState);
        _chat = chat(this);
    }

    public MixSession Session => _session;
    public LocalInterpreter Interpreter => _interpreter;

    /// <summary>A chat service over the local interpreter, for this agent.</summary>
    public static IChatCompletionService LocalBackend(MixAgent agent)
    {
        agent._describeTools = false;
        return new LocalChatClient(agent._interpreter, agent.InterpreterContext, agent.OnQuestion).AsChatCompletionService();
    }

    /// <summary>What the local interpreter knows of this conversation now.</summary>
    public InterpreterContext InterpreterContext() => new(
        _session.Stems.Select(s => new TrackInfo(s.Name, s.Role.Words())).ToList(),
        _memory.LastChange,
        PendingRecord(),
        _memory.Question,
        References: _session.References.Select(r => r.File).ToList());

    private void OnQuestion(QuestionInterpretation? question)
    {
        _question = question;
        _questionAsked = true;
    }

    /// <summary>The pending proposal as the interpreter sees it; one made by another back-end is known by its tracks.</summary>
    private ChangeRecord? PendingRecord()
    {
        if (_session.Pending is not { } p) return null;
        if (_memory.Pending is { } record) return record;
        var tracks = p.Changes.Select(c => c.Target.Scope == TargetScope.Track ? c.Target.Track! : ToolCallShapes.MixTarget).Distinct().ToList();
        return new ChangeRecord([], p.Title, tracks);
    }

    public async Task<AgentTurn> AskAsync(string text, CancellationToken cancel = default)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) throw new ArgumentException("Say something: the message is empty.", nameof(text));
        // One save for the whole turn: its proposals, the turn counter and the memory land together.
        using var saves = _session.DeferSaves();
        return await TurnAsync(text, cancel).ConfigureAwait(false);
    }

    private async Task<AgentTurn> TurnAsync(string text, CancellationToken cancel)
    {
        _session.BeginTurn();
        _memory = AgentMemory.Parse(_session.Conversation.AgentState);
        // Files the user named in this conversation (this turn or a remembered one) are the only ones outside the session tools may read.
        foreach (var line in _memory.Messages.Where(m => m.Role == "user")) _runner.Tools.Reads.AllowNamedIn(line.Text);
        _runner.Tools.Reads.AllowNamedIn(text);
        _question = null;
        _questionAsked = false;

        var pendingAtStart = _session.Pending;
        var userAsked = (_interpreter.Interpret(text, InterpreterContext()) as ToolCallsInterpretation)?.Calls ?? [];
        bool confirmed = userAsked.Any(c => c.Name == ToolNames.Commit);
        // Undo and redo change the mix too: a model may run them only when the user's own message asks for one.
        bool historyAsked = userAsked.Any(c => c.Name is ToolNames.Undo or ToolNames.Redo);
        var pendingRecord = _memory.Pending;
        // What the rationale quotes: a refinement or an answer is read together with the request it continues.
        string quote = _memory.Question is not null && _memory.QuestionRequest is { } asked ? $"{asked} / {text}"
            : pendingAtStart is not null && pendingRecord is not null ? $"{pendingRecord.Request} / {text}"
            : text;
        var changing = new List<ToolCall>();
        var exchanges = new List<ToolExchange>();
        var refusals = new List<string>();
        bool committed = false;

        var history = BuildHistory(text);
        // The local interpreter knows the tools already; describing them (JSON schemas for every function) is for models.
        var settings = _describeTools ? new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) } : new PromptExecutionSettings();
        string reply = "";
        bool finished = false;
        for (int round = 0; round < _options.MaxToolRounds && !finished; round++)
        {
            ChatMessageContent response;
            try
            {
                response = await _chat.GetChatMessageContentAsync(history, settings, _runner.Kernel, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                throw new ChatBackendException($"The chat back-end did not answer ({DisplayText.Clean(e.Message, 300)}). Nothing more was changed this turn.", e);
            }
            var calls = FunctionCallContent.GetFunctionCalls(response).ToList();
            history.Add(response);
            if (calls.Count == 0)
            {
                reply = response.Content ?? "";
                finished = true;
                break;
            }
            foreach (var fc in calls)
            {
                var (call, argumentsText, result) = await ExecuteAsync(fc, quote, pendingAtStart, confirmed, historyAsked, cancel).ConfigureAwait(false);
                bool ok = ToolRunner.IsOk(result, out string? error);
                exchanges.Add(new ToolExchange(call?.Name ?? fc.FunctionName, argumentsText, result, ok));
                if (!ok && error is not null && (call is null || ToolCallShapes.Check(call) is not null || error.StartsWith("Not applied", StringComparison.Ordinal)))
                    refusals.Add(error);
                history.Add(new FunctionResultContent(fc, result).ToChatMessage());
                if (!ok || call is null) continue;
                switch (call.Name)
                {
                    case ToolNames.Commit:
                        committed = true;
                        _memory.LastChange = new ChangeRecord([.. pendingRecord?.Calls ?? [], .. changing], changing.Count > 0 ? text : pendingRecord?.Request ?? text);
                        pendingRecord = null;
                        changing.Clear();
                        break;
                    case ToolNames.Discard:
                        pendingRecord = null;
                        changing.Clear();
                        break;
                    case ToolNames.Undo:
                        _memory.LastChange = null;
                        break;
                    default:
                        if (ToolNames.Changing.Contains(call.Name)) changing.Add(Bare(call));
                        break;
                }
            }
        }
        if (!finished) reply = $"I stopped after {_options.MaxToolRounds} rounds of tool calls without an answer; nothing more was run.";

        if (_options.AutoConfirm && _session.Pending is not null)
        {
            string result = await _runner.InvokeAsync(ToolCall.Create(ToolNames.Commit), cancel).ConfigureAwait(false);
            bool ok = ToolRunner.IsOk(result, out string? error);
            exchanges.Add(new ToolExchange(ToolNames.Commit, "{}", result, ok));
            if (ok)
            {
                committed = true;
                _memory.LastChange = new ChangeRecord([.. pendingRecord?.Calls ?? [], .. changing], changing.Count > 0 ? text : pendingRecord?.Request ?? text);
                pendingRecord = null;
                changing.Clear();
                reply = (reply + "\n" + ResultNarrator.Narrate([(ToolNames.Commit, result)])).Trim();
            }
            else refusals.Add(error ?? result);
        }

        _memory.Pending = _session.Pending is null ? null
            : new ChangeRecord([.. pendingRecord?.Calls ?? [], .. changing], changing.Count > 0 ? text : pendingRecord?.Request ?? text);
        _memory.Question = _questionAsked && _question is { Options.Count: > 0 } ? _question : null;
        _memory.QuestionRequest = _memory.Question is null ? null : text;
        _memory.Messages.Add(new ChatLine("user", text));
        if (reply.Length > 0) _memory.Messages.Add(new ChatLine("assistant", reply));
        if (_memory.Messages.Count > _options.MaxRememberedMessages) _memory.Messages.RemoveRange(0, _memory.Messages.Count - _options.MaxRememberedMessages);
        _session.SetAgentState(_memory.ToJson());

        var proposal = _session.Pending?.Changes.Select(c => new ProposalRow(
            c.Target.Scope == TargetScope.Track ? DisplayText.Clean(c.Target.Track!) : c.Target.ScopeWireName,
            c.Parameter, c.From.Display(c.Unit), c.To.Display(c.Unit), DisplayText.Clean(c.Rationale.Sentence, 600))).ToList();
        string? question = _questionAsked && _question is { } q ? q.Question
            : proposal is null && !committed && exchanges.Count == 0 && reply.TrimEnd().EndsWith('?') ? reply : null;
        return new AgentTurn(reply, question, proposal, committed, refusals, exchanges);
    }

    private ChatHistory BuildHistory(string text)
    {
        string system = _prompts.SystemPrompt(SessionSummary.For(_session));
        int reserved = ChatHistoryBudget.Count(system) + ChatHistoryBudget.Count(text);
        var history = new ChatHistory(system);
        foreach (var line in _budget.Trim(_memory.Messages, reserved))
        {
            if (line.Role == "user") history.AddUserMessage(line.Text);
            else history.AddAssistantMessage(line.Text);
        }
        history.AddUserMessage(text);
        return history;
    }

    /// <summary>
    /// Reads one call from the model and runs it, or refuses it: an unknown tool, arguments that are not
    /// JSON, arguments that do not bind to the tool or are out of range, or a commit the user did not confirm.
    /// </summary>
    private async Task<(ToolCall? Call, string Arguments, string Result)> ExecuteAsync(FunctionCallContent fc, string userText,
        Proposal? pendingAtStart, bool confirmed, bool historyAsked, CancellationToken cancel)
    {
        string name = ToolName(fc);
        string argumentsText = fc.Arguments is null ? "{}" : JsonSerializer.Serialize(fc.Arguments.ToDictionary(k => k.Key, k => k.Value?.ToString()));
        if (!ToolNames.All.Contains(name))
            return (null, argumentsText, ToolRunner.Refused($"Refused: there is no tool {DisplayText.Quote(fc.PluginName is null ? fc.FunctionName : fc.PluginName + "." + fc.FunctionName)}. Use only the listed tools."));
        if (fc.Exception is not null)
            return (null, argumentsText, ToolRunner.Refused($"Refused: the arguments of {name} are not valid JSON ({DisplayText.Clean(fc.Exception.Message, 200)})."));

        var arguments = new JsonObject();
        var signature = ToolContract.Tools[name];
        foreach (var (key, value) in fc.Arguments ?? [])
            if (value is not null) arguments[key] = ToNode(value, signature.Parameter(key));
        var call = new ToolCall(name, arguments);
        if (ToolCallShapes.Check(call) is { } problem) return (call, call.ArgumentsJson, ToolRunner.Refused("Refused: " + problem));

        if (call.Name == ToolNames.Commit && !_options.AutoConfirm)
        {
            bool seen = pendingAtStart is not null && _session.Pending is { } now && now.Id == pendingAtStart.Id && now.Changes.SequenceEqual(pendingAtStart.Changes);
            if (!seen || !confirmed)
                return (call, call.ArgumentsJson, ToolRunner.Refused("Not applied: the user has not confirmed this proposal. Show it and ask \"Apply?\"; commit only after they say yes."));
        }
        if (call.Name is ToolNames.Undo or ToolNames.Redo && !_options.AutoConfirm && !historyAsked)
            return (call, call.ArgumentsJson, ToolRunner.Refused($"Not applied: the user did not ask to {call.Name}. Offer it and let them say \"{call.Name}\"; nothing was changed."));
        if (ToolNames.Changing.Contains(call.Name))
        {
            // Every change explains itself the same way, whichever back-end made the call: the user's words
            // quoted, and a sentence with its trade-off from the templates when the back-end gave none.
            bool changed = false;
            if (signature.Parameter("user_words") is not null && !arguments.ContainsKey("user_words"))
            {
                arguments["user_words"] = DisplayText.Clean(userText, 300);
                changed = true;
            }
            if (signature.Parameter("reason") is not null && string.IsNullOrWhiteSpace(call.GetString("reason"))
                && ReasonWriter.For(call, WorkingConsole(), _prompts) is { } reason)
            {
                arguments["reason"] = reason;
                changed = true;
            }
            if (changed) call = new ToolCall(name, arguments);
        }
        string result = await _runner.InvokeAsync(call, cancel).ConfigureAwait(false);
        return (call, call.ArgumentsJson, result);
    }

    /// <summary>The call without the words the agent added, so a follow-up rebuilds it with its own.</summary>
    private static ToolCall Bare(ToolCall call)
    {
        var args = (JsonObject)call.Arguments.DeepClone();
        foreach (string added in new[] { "user_words", "reason", "measurement" }) args.Remove(added);
        return new ToolCall(call.Name, args);
    }

    private ConsoleState WorkingConsole() => _session.Pending is null ? _session.Console : _session.StateAt(_session.ParsePoint("pending"));

    /// <summary>The tool a model's call names: "set_gain", "mix_set_gain", "mix-set_gain", or plugin "mix" with function "set_gain".</summary>
    public static string ToolName(FunctionCallContent fc)
    {
        string full = string.IsNullOrEmpty(fc.PluginName) ? fc.FunctionName : fc.PluginName + "_" + fc.FunctionName;
        foreach (string prefix in new[] { "mix_", "mix-", "mix." })
            if (full.StartsWith(prefix, StringComparison.Ordinal)) return full[prefix.Length..];
        return full;
    }

    /// <summary>A model's argument value as JSON; numbers and flags sent as strings are read as what the parameter takes.</summary>
    private static JsonNode? ToNode(object value, ToolParameter? parameter)
    {
        JsonNode? node = value switch
        {
            JsonElement e => JsonNode.Parse(e.GetRawText()),
            JsonNode n => n.DeepClone(),
            string s => JsonValue.Create(s),
            bool b => JsonValue.Create(b),
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            double d => JsonValue.Create(d),
            float f => JsonValue.Create((double)f),
            decimal m => JsonValue.Create((double)m),
            _ => JsonNode.Parse(JsonSerializer.Serialize(value)),
        };
        if (parameter is not null && node is JsonValue v && v.TryGetValue(out string? text) && parameter.ValueType != typeof(string))
        {
            // "NaN" and "Infinity" stay text: JSON cannot hold them, and the shape check refuses a word where a number goes.
            if (parameter.ValueType == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)) return JsonValue.Create(number);
            if (parameter.ValueType == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int whole)) return JsonValue.Create(whole);
            if (parameter.ValueType == typeof(bool) && bool.TryParse(text, out bool flag)) return JsonValue.Create(flag);
            if (parameter.ValueType == typeof(string[]))
                try { return JsonNode.Parse(text); } catch (JsonException) { return node; }
        }
        return node;
    }
}
