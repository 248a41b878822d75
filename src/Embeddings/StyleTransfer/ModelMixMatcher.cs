using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// The <c>model</c> method: one pass of the trained style-transfer network over the stems' loudest common section
/// and the reference's loudest section, then a few renders of the real engine to polish what the network
/// predicted (<see cref="MeasuredRefinement"/>, <see cref="MatchOptions.ModelRefineRenders"/>; 0 keeps the
/// network's answer). The network (an ONNX Runtime session) is loaded once and reused.
/// </summary>
public sealed class ModelMixMatcher : IMixMatcher, IDisposable
{
    private readonly StyleTransferModel _model;
    private readonly bool _ownsModel;
    private readonly MatchOptions _options;

    public ModelMixMatcher(StyleTransferModel model, MatchOptions? options = null) : this(model, false, options) { }

    private ModelMixMatcher(StyleTransferModel model, bool ownsModel, MatchOptions? options)
    {
        _model = model;
        _ownsModel = ownsModel;
        _options = (options ?? new MatchOptions()).Validated();
    }

    /// <summary>Loads the model from <paramref name="files"/> (default: <see cref="ModelFiles.Locate"/>).</summary>
    public static ModelMixMatcher Load(ModelFiles? files = null, MatchOptions? options = null)
    {
        options ??= new MatchOptions();
        return new ModelMixMatcher(StyleTransferModel.Load(files ?? ModelFiles.Locate(), options.Threads), true, options);
    }

    public MatchOptions Options => _options;

    public MatchMethod Method => MatchMethod.Model;

    public MatchResult Match(IReadOnlyList<StemAudio> stems, AudioBuffer reference, CancellationToken cancellation = default) =>
        MatchPipeline.Run(Method, stems, reference, _options, Solve, cancellation);

    private ConsoleProposal Solve(MatchContext context)
    {
        var audible = context.Match.Audible;
        var prediction = _model.Predict(audible.Select(s => s.Section).ToArray(), context.Match.Reference);
        var tracks = audible.Select((s, i) => prediction.Track(i, s.Source.Settings)).ToArray();
        var predicted = new ConsoleProposal(tracks, prediction.Master(MasterSettings.Default), ReverbSettings.Default);
        return MeasuredRefinement.Refine(context, predicted, _options.ModelRefineRenders);
    }

    public void Dispose()
    {
        if (_ownsModel) _model.Dispose();
    }
}
