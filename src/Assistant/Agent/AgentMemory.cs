using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mixwright.Assistant.Agent;

/// <summary>One remembered chat message: "user" or "assistant", and its text.</summary>
public sealed record ChatLine(string Role, string Text);

/// <summary>
/// What the chat layer keeps between turns, stored in the session (ConversationContext.AgentState): the
/// recent messages (for LLM back-ends), and for the local interpreter the last committed change and the
/// pending proposal as the calls and words that made them, and an open clarifying question with its options.
/// </summary>
public sealed class AgentMemory
{
    public List<ChatLine> Messages { get; } = [];
    public ChangeRecord? LastChange { get; set; }
    public ChangeRecord? Pending { get; set; }
    public QuestionInterpretation? Question { get; set; }
    /// <summary>The request that the open question is about.</summary>
    public string? QuestionRequest { get; set; }

    public static AgentMemory Parse(string? json)
    {
        var memory = new AgentMemory();
        if (string.IsNullOrWhiteSpace(json)) return memory;
        JsonObject o;
        try { o = JsonNode.Parse(json)!.AsObject(); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return memory; }
        foreach (var m in o["messages"]?.AsArray() ?? [])
            if (m?["role"]?.GetValue<string>() is { } role && m["text"]?.GetValue<string>() is { } text) memory.Messages.Add(new ChatLine(role, text));
        memory.LastChange = ReadRecord(o["last_change"]);
        memory.Pending = ReadRecord(o["pending"]);
        if (o["question"] is JsonObject q && q["text"]?.GetValue<string>() is { } question)
        {
            var options = (q["options"]?.AsArray() ?? []).OfType<JsonObject>().Select(opt => new QuestionOption(
                opt["label"]?.GetValue<string>() ?? "",
                ReadCalls(opt["calls"]),
                opt["resume"]?.GetValue<string>())).ToList();
            memory.Question = new QuestionInterpretation(question, options);
            memory.QuestionRequest = q["request"]?.GetValue<string>();
        }
        return memory;
    }

    public string ToJson()
    {
        var o = new JsonObject
        {
            ["messages"] = new JsonArray([.. Messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["text"] = m.Text })]),
        };
        if (LastChange is { } last) o["last_change"] = WriteRecord(last);
        if (Pending is { } pending) o["pending"] = WriteRecord(pending);
        if (Question is { } q)
            o["question"] = new JsonObject
            {
                ["text"] = q.Question,
                ["request"] = QuestionRequest,
                ["options"] = new JsonArray([.. q.Options.Select(opt => (JsonNode)new JsonObject
                {
                    ["label"] = opt.Label,
                    ["calls"] = WriteCalls(opt.Calls),
                    ["resume"] = opt.ResumeText,
                })]),
            };
        return o.ToJsonString();
    }

    private static JsonObject WriteRecord(ChangeRecord r) => new() { ["request"] = r.Request, ["calls"] = WriteCalls(r.Calls) };

    private static JsonArray WriteCalls(IEnumerable<ToolCall> calls) =>
        new([.. calls.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments.DeepClone() })]);

    private static ChangeRecord? ReadRecord(JsonNode? node) =>
        node is JsonObject o && o["request"]?.GetValue<string>() is { } request ? new ChangeRecord(ReadCalls(o["calls"]), request) : null;

    /// <summary>Calls read back; any that no longer fit the tool contract (an older session) are dropped.</summary>
    private static List<ToolCall> ReadCalls(JsonNode? node)
    {
        var calls = new List<ToolCall>();
        foreach (var c in node?.AsArray() ?? [])
            if (c?["name"]?.GetValue<string>() is { } name && ToolNames.All.Contains(name) && c["arguments"] is JsonObject args)
            {
                var call = new ToolCall(name, (JsonObject)args.DeepClone());
                if (ToolCallShapes.Check(call) is null) calls.Add(call);
            }
        return calls;
    }
}
