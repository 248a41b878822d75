namespace Mixwright.Embeddings.Reading;

/// <summary>
/// What the learned reader makes of one request: the dialogue act with its probability distribution, the
/// intensity (0.33 "a tad", 0.6 unmarked, 1 "way too"), the moves on the whole mix, and each mention's reading.
/// </summary>
public sealed record RequestReading(
    string Text,
    IReadOnlyList<float> ActProbabilities,
    float Intensity,
    IReadOnlyList<AspectReading> Master,
    IReadOnlyList<MentionReading> Mentions)
{
    public ReaderAct Act => Ranked[0].Act;

    public float ActConfidence => Ranked[0].Probability;

    public float Probability(ReaderAct act) => ActProbabilities[(int)act];

    /// <summary>The acts from most to least probable.</summary>
    public IReadOnlyList<(ReaderAct Act, float Probability)> Ranked =>
        ActProbabilities.Select((p, i) => ((ReaderAct)i, p)).OrderByDescending(x => x.p).ToList();

    public AspectReading MasterAspect(ReaderAspect aspect) => Master[(int)aspect];
}
