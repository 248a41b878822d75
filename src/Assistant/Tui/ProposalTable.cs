using Mixwright.Tools.Session;
using Mixwright.Tools.Text;
using Terminal.Gui.Views;

namespace Mixwright.Assistant.Tui;

/// <summary>The pending proposal's rows: track, parameter, from → to, and the reason given.</summary>
public sealed class ProposalTable : ITableSource
{
    private static readonly string[] Names = ["Track", "Parameter", "From → To", "Why"];

    private ProposalTable(Proposal? proposal) => Proposal = proposal;

    public static ProposalTable From(Proposal? proposal) => new(proposal);

    public Proposal? Proposal { get; }

    public int Rows => Proposal?.Changes.Length ?? 0;
    public int Columns => Names.Length;
    public string[] ColumnNames => Names;

    public object this[int row, int col]
    {
        get
        {
            var c = Proposal!.Changes[row];
            return col switch
            {
                0 => DisplayText.Clean(c.Target.ToString(), 24),
                1 => c.Parameter,
                2 => $"{c.From.Display(c.Unit)} → {c.To.Display(c.Unit)}",
                _ => DisplayText.Clean(c.Rationale.Sentence, 200),
            };
        }
    }

    public ParameterChange? ChangeAt(int row) =>
        Proposal is { } p && row >= 0 && row < p.Changes.Length ? p.Changes[row] : null;
}
