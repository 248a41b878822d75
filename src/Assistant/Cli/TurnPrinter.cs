using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;

namespace Mixwright.Assistant.Cli;

/// <summary>Prints a turn for people (reply, proposal as a table, "Apply?") or as the --json object scripts read.</summary>
internal static class TurnPrinter
{
    public const int WhyWidth = 72;

    public static void Print(AgentTurn turn, TextWriter output)
    {
        if (turn.Reply.Length > 0) output.WriteLine(turn.Reply);
        foreach (string refusal in turn.Refusals.Where(r => !turn.Reply.Contains(r, StringComparison.Ordinal)))
            output.WriteLine($"(refused: {refusal})");
        if (turn.Proposal is { Count: > 0 } rows)
        {
            output.WriteLine();
            output.Write(Table(rows));
            output.WriteLine("Apply? (yes / no / \"a bit less\" / \"only the <track> part\")");
        }
    }

    /// <summary>track | parameter | from -> to | why, the why cut to one line (ask "why" for the whole story).</summary>
    public static string Table(IReadOnlyList<ProposalRow> rows)
    {
        var cells = rows.Select(r => new[] { r.Track, r.Parameter, $"{r.From} -> {r.To}", Cut(r.Why, WhyWidth) }).ToList();
        string[] header = ["track", "parameter", "from -> to", "why"];
        var widths = Enumerable.Range(0, 4).Select(i => cells.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
        string Line(string[] c) => "  " + string.Join("  ", c.Select((x, i) => i == 3 ? x : x.PadRight(widths[i]))).TrimEnd() + "\n";
        return Line(header) + Line(widths.Select(w => new string('-', w)).ToArray()) + string.Concat(cells.Select(Line));
    }

    public static JsonObject Json(AgentTurn turn) => new()
    {
        ["reply"] = turn.Reply,
        ["question"] = turn.Question,
        ["proposal"] = turn.Proposal is null ? null : new JsonArray([.. turn.Proposal.Select(r => (JsonNode)new JsonObject
        {
            ["track"] = r.Track, ["parameter"] = r.Parameter, ["from"] = r.From, ["to"] = r.To, ["why"] = r.Why,
        })]),
        ["committed"] = turn.Committed,
    };

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)].TrimEnd() + "…";
}
