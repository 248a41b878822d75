namespace Mixwright.Tools.Session;

/// <summary>
/// A wish for one parameter, before it is checked or compared with the console: what tools, the level
/// balancer, descriptor resolvers and reference matchers hand to <see cref="MixSession.Propose"/>.
/// </summary>
public sealed record ChangeRequest(MixTarget Target, string Parameter, ParameterValue To, Rationale Rationale);
