namespace Mixwright.Embeddings.Text;

/// <summary>Ordinary English words (Data/common-words.txt) that spelling correction must leave alone.</summary>
public static class CommonWords
{
    private static readonly Lazy<IReadOnlySet<string>> LazySet = new(() => Parse(EmbeddedData.ReadText("common-words.txt")));

    public static IReadOnlySet<string> Default => LazySet.Value;

    public static IReadOnlySet<string> Parse(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            foreach (string word in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                set.Add(TextKey.Of(word));
        }
        return set;
    }
}
