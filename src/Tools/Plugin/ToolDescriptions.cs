using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Plugin;

/// <summary>
/// Fills placeholders in tool descriptions from the declared ranges: "{GainDb}" becomes "-48 to +24 dB",
/// named after the field in <see cref="ConsoleRanges"/>; "{BandCount}" is the EQ's band count. The model
/// thus reads the same limits the validation enforces.
/// </summary>
internal static partial class ToolDescriptions
{
    private static readonly Dictionary<string, string> Values = typeof(ConsoleRanges)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ParameterRange))
        .ToDictionary(f => f.Name, f => ((ParameterRange)f.GetValue(null)!).Describe())
        .Append(new KeyValuePair<string, string>("BandCount", ParametricEqSettings.BandCount.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToDictionary();

    public static string Expand(string text) => Placeholder().Replace(text, m =>
        Values.TryGetValue(m.Groups[1].Value, out string? value)
            ? value
            : throw new InvalidOperationException($"Tool description placeholder {m.Value} names no range in ConsoleRanges."));

    public static KernelPlugin CreatePlugin(object target, string pluginName)
    {
        var functions = target.GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<KernelFunctionAttribute>() is not null)
            .Select(method =>
            {
                var inferred = KernelFunctionFactory.CreateFromMethod(method, target);
                return KernelFunctionFactory.CreateFromMethod(method, target, new KernelFunctionFromMethodOptions
                {
                    FunctionName = inferred.Name,
                    Description = Expand(inferred.Description),
                    Parameters = inferred.Metadata.Parameters
                        .Select(p => new KernelParameterMetadata(p) { Description = Expand(p.Description) })
                        .ToList(),
                    ReturnParameter = inferred.Metadata.ReturnParameter,
                });
            });
        return KernelPluginFactory.CreateFromFunctions(pluginName, functions);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
