using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OllamaSharp;

namespace Mixwright.Assistant.Agent.Backends;

/// <summary>
/// Builds the chat service a <see cref="MixAgent"/> talks to. <c>openai</c> is Semantic Kernel's OpenAI
/// connector pointed at any OpenAI-compatible endpoint (OpenAI, Azure-compatible gateways, Ollama's /v1,
/// llama.cpp server, vLLM); <c>ollama</c> is OllamaSharp's chat client on Ollama's own API; <c>local</c> the
/// offline interpreter. All three go through the same agent loop and the same checks.
/// </summary>
public static class ChatBackends
{
    public static Func<MixAgent, IChatCompletionService> Create(BackendConfiguration config, HttpClient? http = null) => config.Kind switch
    {
        BackendKind.OpenAI => _ => new OpenAIChatCompletionService(config.Model!, new Uri(config.Endpoint!),
            // Local OpenAI-compatible servers take any key; the client still wants one.
            config.ApiKey ?? "no-key", httpClient: http),
        BackendKind.Ollama => _ => (http is null ? new OllamaApiClient(new Uri(config.Endpoint!), config.Model!)
            : new OllamaApiClient(Configure(http, config.Endpoint!), config.Model!)).AsChatCompletionService(),
        _ => MixAgent.LocalBackend,
    };

    private static HttpClient Configure(HttpClient http, string endpoint)
    {
        http.BaseAddress ??= new Uri(endpoint);
        return http;
    }
}
