using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>
/// A chat server on 127.0.0.1 that replays scripted answers, one per request, and records what it was sent:
/// enough of the OpenAI chat-completions API or Ollama's /api/chat for the real connectors to talk to. It
/// answers at most as many requests as it has scripted answers and stops itself when disposed.
/// </summary>
internal sealed class FakeChatServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<string> _answers;
    private readonly string _contentType;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));

    public FakeChatServer(IEnumerable<string> answers, string contentType = "application/json")
    {
        _answers = new Queue<string>(answers);
        _contentType = contentType;
        int port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }
    public List<(string Path, string Body)> Requests { get; } = [];
    public int Remaining { get { lock (_answers) return _answers.Count; } }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().WaitAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException) { return; }
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
            string? answer;
            lock (_answers)
            {
                Requests.Add((context.Request.Url!.AbsolutePath, body));
                _answers.TryDequeue(out answer);
            }
            byte[] bytes = Encoding.UTF8.GetBytes(answer ?? """{"error":{"message":"the fake server has no more scripted answers"}}""");
            context.Response.StatusCode = answer is null ? 500 : 200;
            context.Response.ContentType = _contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }

    // ----- Scripted answers ------------------------------------------------------------------------

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>An OpenAI chat completion that calls tools: (name, raw arguments text) each.</summary>
    public static string OpenAIToolCalls(params (string Name, string Arguments)[] calls)
    {
        var toolCalls = string.Join(",", calls.Select((c, i) =>
            "{\"id\":\"call_" + (i + 1) + "\",\"type\":\"function\",\"function\":{\"name\":" + Json(c.Name) + ",\"arguments\":" + Json(c.Arguments) + "}}"));
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"test-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
            + toolCalls + "]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
    }

    public static string OpenAIText(string text) =>
        "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"test-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + Json(text) + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";

    /// <summary>An Ollama /api/chat answer (one NDJSON line, done) that calls tools: (name, arguments object) each.</summary>
    public static string OllamaToolCalls(params (string Name, string ArgumentsObject)[] calls)
    {
        var toolCalls = string.Join(",", calls.Select(c => "{\"function\":{\"name\":" + Json(c.Name) + ",\"arguments\":" + c.ArgumentsObject + "}}"));
        return "{\"model\":\"test-model\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
            + toolCalls + "]},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":1,\"eval_count\":1}\n";
    }

    public static string OllamaText(string text) =>
        "{\"model\":\"test-model\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":" + Json(text)
        + "},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":1,\"eval_count\":1}\n";
}
