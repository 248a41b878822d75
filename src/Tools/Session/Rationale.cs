namespace Mixwright.Tools.Session;

/// <summary>Why a value was proposed.</summary>
public enum RationaleSource
{
    /// <summary>The user asked in words; <see cref="Rationale.Quote"/> holds them.</summary>
    UserWords,
    /// <summary>A descriptor such as "warm"; <see cref="Rationale.Quote"/> holds the word.</summary>
    Descriptor,
    /// <summary>Matching a reference; <see cref="Rationale.Quote"/> names the reference.</summary>
    ReferenceMatch,
    /// <summary>A measurement of the stems or the mix.</summary>
    Analysis,
    /// <summary>The user set the value directly, without a reason in words.</summary>
    Manual,
}

/// <summary>
/// The reason a parameter has its value: where the idea came from, the measurement that motivated it
/// ("vocals sit 7.2 LU below the instrumental bed") and one plain sentence for the user.
/// </summary>
public sealed record Rationale(RationaleSource Source, string Sentence, string? Quote = null, string? Measurement = null)
{
    public static string WireName(RationaleSource source) => source switch
    {
        RationaleSource.UserWords => "user_words",
        RationaleSource.Descriptor => "descriptor",
        RationaleSource.ReferenceMatch => "reference_match",
        RationaleSource.Analysis => "analysis",
        _ => "manual",
    };

    public static RationaleSource ParseSource(string? wire) => wire switch
    {
        "user_words" => RationaleSource.UserWords,
        "descriptor" => RationaleSource.Descriptor,
        "reference_match" => RationaleSource.ReferenceMatch,
        "analysis" => RationaleSource.Analysis,
        _ => RationaleSource.Manual,
    };
}
