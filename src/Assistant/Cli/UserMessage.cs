using System.Text.RegularExpressions;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// An error's message as the user reads it: .NET appends " (Parameter 'x')" and "Actual value was ..." to
/// argument errors, which mean nothing to a musician and are cut; the sentence before them stays.
/// </summary>
public static partial class UserMessage
{
    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)|\s*Actual value was [^\r\n]*", RegexOptions.CultureInvariant)]
    private static partial Regex InternalSuffixes();

    public static string Of(Exception e) => InternalSuffixes().Replace(e.Message, "").Trim();
}
