using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The offline back-end as a Microsoft.Extensions.AI chat client, so the agent loop treats it exactly like
/// an LLM: for a user message it answers with the tool calls <see cref="LocalInterpreter"/> reads from it
/// (named "mix_set_gain" and so on), a clarifying question or a reply; once the calls' results come back it
/// answers in words, from those results (<see cref="ResultNarrator"/>). Deterministic, no network.
/// </summary>
public sealed class LocalChatClient(LocalInterpreter interpreter, Func<InterpreterContext> context, Action<QuestionInterpretation?> questionAsked) : IChatClient
{
    public const string ProviderName = "mixwright-local";
    public const string ModelName = "local-interpreter";
    public const string FunctionPrefix = "mix_";

    private static readonly ChatClientMetadata Metadata = new(ProviderName, null, ModelName);
    private int _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var last = list.LastOrDefault() ?? throw new ArgumentException("No messages to answer.", nameof(messages));
        ChatMessage answer;
        if (last.Role == ChatRole.Tool)
        {
            answer = new ChatMessage(ChatRole.Assistant, ResultNarrator.Narrate(ResultsOfLastRound(list)));
        }
        else
        {
            string text = last.Text ?? "";
            var interpretation = interpreter.Interpret(text, context());
            switch (interpretation)
            {
                case ToolCallsInterpretation calls:
                    questionAsked(null);
                    answer = new ChatMessage(ChatRole.Assistant, [.. calls.Calls.Select(c => (AIContent)new FunctionCallContent(
                        $"local-{Interlocked.Increment(ref _calls)}", FunctionPrefix + c.Name,
                        JsonSerializer.Deserialize<Dictionary<string, object?>>(c.ArgumentsJson)))]);
                    break;
                case QuestionInterpretation q:
                    questionAsked(q);
                    answer = new ChatMessage(ChatRole.Assistant, q.Question);
                    break;
                case ReplyInterpretation r:
                    questionAsked(null);
                    answer = new ChatMessage(ChatRole.Assistant, r.Text);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected interpretation {interpretation}.");
            }
        }
        return Task.FromResult(new ChatResponse(answer) { ModelId = ModelName });
    }

    /// <summary>Each result of the last round of calls with the name of the tool that produced it.</summary>
    private static List<(string Tool, string Result)> ResultsOfLastRound(List<ChatMessage> messages)
    {
        var names = messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToDictionary(c => c.CallId, c => c.Name);
        var results = new List<(string, string)>();
        for (int i = messages.Count - 1; i >= 0 && messages[i].Role == ChatRole.Tool; i--)
            foreach (var r in messages[i].Contents.OfType<FunctionResultContent>().Reverse())
            {
                string name = names.TryGetValue(r.CallId, out string? n) ? n : "";
                results.Insert(0, (name.StartsWith(FunctionPrefix, StringComparison.Ordinal) ? name[FunctionPrefix.Length..] : name, r.Result?.ToString() ?? ""));
            }
        return results;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() { }
}
