using Mixwright.Tools.Plugin;

namespace Mixwright.Assistant.Matching;

/// <summary>
/// Builds the real matcher on the first reference request: loading the model costs a noticeable moment, and
/// most turns (every `ask` run is a new process) never match a reference.
/// </summary>
public sealed class LazyReferenceMatcher(Func<IReferenceMatcher> create) : IReferenceMatcher
{
    private readonly Lazy<IReferenceMatcher> _matcher = new(create);

    public static LazyReferenceMatcher Default() => new(() => StyleTransferReferenceMatcher.CreateDefault());

    public ReferenceMatchResult Match(ReferenceMatchRequest request) => _matcher.Value.Match(request);
}
