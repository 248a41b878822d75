using System.Reflection;

namespace Mixwright.Embeddings;

/// <summary>Reads the data files compiled into this assembly (Data/*.json, Data/*.txt).</summary>
public static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static string ReadText(string fileName)
    {
        string resource = "Mixwright.Embeddings.Data." + fileName;
        using Stream? stream = Assembly.GetManifestResourceStream(resource);
        if (stream is null)
            throw new FileNotFoundException($"Embedded data file '{fileName}' is missing from Mixwright.Embeddings (resource '{resource}').", fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
