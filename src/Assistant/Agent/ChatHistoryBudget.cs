using Microsoft.ML.Tokenizers;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// Keeps what is sent to an LLM within a token budget, counted with the o200k tokenizer (GPT-4o's): the
/// newest messages are kept whole, the oldest dropped first; a message never gets cut in half.
/// </summary>
public sealed class ChatHistoryBudget(int maxTokens)
{
    /// <summary>Per-message overhead of the chat format (role and separators), as OpenAI documents it.</summary>
    public const int MessageOverheadTokens = 4;

    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public int MaxTokens { get; } = maxTokens > 0 ? maxTokens : throw new ArgumentOutOfRangeException(nameof(maxTokens), "The token budget must be positive.");

    public static int Count(string text) => Tokenizer.Value.CountTokens(text) + MessageOverheadTokens;

    /// <summary>The newest messages whose tokens, with <paramref name="reservedTokens"/> already spent, fit the budget; oldest first.</summary>
    public IReadOnlyList<ChatLine> Trim(IReadOnlyList<ChatLine> messages, int reservedTokens)
    {
        int left = MaxTokens - reservedTokens;
        var kept = new List<ChatLine>();
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            int cost = Count(messages[i].Text);
            if (cost > left) break;
            left -= cost;
            kept.Add(messages[i]);
        }
        kept.Reverse();
        // A history that starts with the assistant answering nothing reads oddly to a model: start at a user line.
        while (kept.Count > 0 && kept[0].Role != "user") kept.RemoveAt(0);
        return kept;
    }
}
