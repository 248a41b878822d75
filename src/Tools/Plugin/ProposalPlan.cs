using Mixwright.Tools.Session;

namespace Mixwright.Tools.Plugin;

/// <summary>
/// What a proposing tool hands back to be proposed: the requests, the proposal's summary when the tool
/// has a better one than the list of changes ("First static balance by role around the lead vocal"), and
/// notes for the reply (what a balance left alone, and why).
/// </summary>
internal sealed record ProposalPlan(IReadOnlyList<ChangeRequest> Requests, string? Summary = null, IReadOnlyList<string>? Notes = null);
