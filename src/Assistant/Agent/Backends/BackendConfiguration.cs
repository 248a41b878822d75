using System.Text.Json;

namespace Mixwright.Assistant.Agent.Backends;

public enum BackendKind { Local, OpenAI, Ollama }

/// <summary>
/// Which chat back-end to use and how to reach it. Read from the environment (MIXWRIGHT_BACKEND,
/// MIXWRIGHT_ENDPOINT, MIXWRIGHT_MODEL, MIXWRIGHT_API_KEY or OPENAI_API_KEY) over an optional
/// ~/.config/mixwright/config.json ({"backend", "endpoint", "model", "api_key", "history_tokens"}). The API
/// key is only ever handed to the connector: <see cref="ToString"/> hides it and nothing writes it anywhere.
/// </summary>
public sealed record BackendConfiguration(BackendKind Kind, string? Endpoint, string? Model, string? ApiKey, int HistoryTokens)
{
    public const int DefaultHistoryTokens = 6000;
    public const string DefaultOpenAIEndpoint = "https://api.openai.com/v1";
    public const string DefaultOllamaEndpoint = "http://localhost:11434";
    public const string DefaultOpenAIModel = "gpt-4o-mini";
    public const string DefaultOllamaModel = "llama3.1";

    public static BackendConfiguration Local { get; } = new(BackendKind.Local, null, null, null, DefaultHistoryTokens);

    /// <summary>~/.config/mixwright/config.json (XDG_CONFIG_HOME respected).</summary>
    public static string DefaultConfigPath()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(root, "mixwright", "config.json");
    }

    /// <summary>The configuration from the environment over the config file (which may be absent).</summary>
    public static BackendConfiguration Load(Func<string, string?>? environment = null, string? configPath = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        configPath ??= DefaultConfigPath();
        var file = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int? historyTokens = null;
        if (File.Exists(configPath))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(configPath));
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{configPath}: the configuration must be a JSON object.");
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String) file[p.Name] = p.Value.GetString()!;
                    else if (p.Name == "history_tokens" && p.Value.TryGetInt32(out int t)) historyTokens = t;
                }
            }
            catch (JsonException e) { throw new InvalidDataException($"{configPath} is not valid JSON: {e.Message}", e); }
        }
        string? Get(string env, string key) => Nonempty(environment(env)) ?? (file.TryGetValue(key, out string? v) ? Nonempty(v) : null);

        string backend = (Get("MIXWRIGHT_BACKEND", "backend") ?? "local").Trim().ToLowerInvariant();
        var kind = backend switch
        {
            "local" => BackendKind.Local,
            "openai" => BackendKind.OpenAI,
            "ollama" => BackendKind.Ollama,
            _ => throw new ArgumentException($"Unknown chat back-end \"{backend}\" (MIXWRIGHT_BACKEND or \"backend\" in {configPath}): use local, openai or ollama."),
        };
        string? key = Nonempty(environment("MIXWRIGHT_API_KEY")) ?? Nonempty(environment("OPENAI_API_KEY")) ?? (file.TryGetValue("api_key", out string? k) ? Nonempty(k) : null);
        string? endpoint = Get("MIXWRIGHT_ENDPOINT", "endpoint");
        string? model = Get("MIXWRIGHT_MODEL", "model");
        if (historyTokens is < 500) throw new ArgumentException($"history_tokens in {configPath} must be at least 500 (got {historyTokens}).");
        var config = kind switch
        {
            BackendKind.OpenAI => new BackendConfiguration(kind, endpoint ?? DefaultOpenAIEndpoint, model ?? DefaultOpenAIModel, key, historyTokens ?? DefaultHistoryTokens),
            BackendKind.Ollama => new BackendConfiguration(kind, endpoint ?? DefaultOllamaEndpoint, model ?? DefaultOllamaModel, null, historyTokens ?? DefaultHistoryTokens),
            _ => Local with { HistoryTokens = historyTokens ?? DefaultHistoryTokens },
        };
        config.Validate();
        return config;
    }

    private void Validate()
    {
        if (Kind == BackendKind.Local) return;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"MIXWRIGHT_ENDPOINT \"{Endpoint}\" is not an http(s) URL.");
        if (Kind == BackendKind.OpenAI && ApiKey is null && uri.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("The openai back-end needs an API key: set MIXWRIGHT_API_KEY or OPENAI_API_KEY (or \"api_key\" in the config file).");
    }

    private static string? Nonempty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>For messages and logs: never the key itself.</summary>
    public override string ToString() => Kind == BackendKind.Local
        ? "local interpreter"
        : $"{Kind.ToString().ToLowerInvariant()} at {Endpoint}, model {Model}{(ApiKey is null ? "" : ", API key set")}";
}
