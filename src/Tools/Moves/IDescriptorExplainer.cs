using Mixwright.Embeddings.Descriptors;

namespace Mixwright.Tools.Moves;

/// <summary>
/// Words a descriptor's planned moves for the person: what was done, why (the measurement) and what it
/// costs. The wording lives with the prompts' templates, which the assistant owns; the planning does not.
/// </summary>
public interface IDescriptorExplainer
{
    /// <param name="who">"the vocal" or "the mix".</param>
    /// <param name="applied">The moves as actually planned (after the console's ranges and existing bands).</param>
    string Explain(string who, Descriptor descriptor, DescriptorMoves applied, bool negate, string? measurement);
}
