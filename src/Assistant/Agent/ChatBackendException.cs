namespace Mixwright.Assistant.Agent;

/// <summary>The chat back-end (an LLM server) could not answer: unreachable, refused, or it failed. Nothing was run for that answer.</summary>
public sealed class ChatBackendException(string message, Exception inner) : Exception(message, inner);
