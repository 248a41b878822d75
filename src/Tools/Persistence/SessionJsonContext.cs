using System.Text.Json.Serialization;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Source-generated serialisation: no reflection warm-up, which keeps loading a session and printing its
/// state well inside the 300 ms a script is promised.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(ParameterValueJsonConverter)])]
[JsonSerializable(typeof(SessionFileDto))]
[JsonSerializable(typeof(AnalysisCacheEntry))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
