namespace Mixwright.Tools.Check;

/// <summary>How much a finding matters: high is heard on any system, low only by an attentive ear.</summary>
public enum FindingSeverity { High, Medium, Low }

public static class FindingSeverities
{
    public static string WireName(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => "high",
        FindingSeverity.Medium => "medium",
        _ => "low",
    };

    /// <summary>The severity of a measured excess against two hand-set thresholds; null when under both.</summary>
    public static FindingSeverity? Grade(double amount, double medium, double high) =>
        amount >= high ? FindingSeverity.High : amount >= medium ? FindingSeverity.Medium : null;
}
