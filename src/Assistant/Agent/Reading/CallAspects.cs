using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Reading;

namespace Mixwright.Assistant.Agent.Reading;

/// <summary>
/// Reads back which way a tool call moves each aspect, so the rules' calls can be checked against what the
/// learned reader understood: a call whose direction is the opposite of the reader's is a reversal in the
/// making. EQ moves count by the region their frequency falls in (the request sets' bands).
/// </summary>
internal static class CallAspects
{
    public static IEnumerable<CallAspect> Of(ToolCall call, DescriptorLexicon descriptors)
    {
        string track = call.Track ?? (call.Name == ToolNames.SetMaster ? "master" : "");
        switch (call.Name)
        {
            case ToolNames.SetGain:
                if (Sign(call.GetNumber("delta_db")) is { } gain) yield return new(track, ReaderAspect.Gain, gain, true);
                else if (call.GetNumber("gain_db") is double) yield return new(track, ReaderAspect.Gain, AspectDirection.None, true);
                break;
            case ToolNames.SetPan:
                if (call.GetNumber("pan") is double pan)
                    yield return new(track, ReaderAspect.Pan, pan == 0 ? AspectDirection.Center : pan > 0 ? AspectDirection.Plus : AspectDirection.Minus, false);
                else if (Sign(call.GetNumber("pan_delta")) is { } delta) yield return new(track, ReaderAspect.Pan, delta, false);
                break;
            case ToolNames.SetWidth:
                if (Sign(call.GetNumber("width_delta")) is { } width) yield return new(track, ReaderAspect.Width, width, false);
                else if (call.GetNumber("width") is double w) yield return new(track, ReaderAspect.Width, w > 1 ? AspectDirection.Plus : w < 1 ? AspectDirection.Minus : AspectDirection.None, true);
                break;
            case ToolNames.SetEqBand:
                if (call.GetNumber("freq_hz") is double f && Sign(call.GetNumber("delta_db") ?? call.GetNumber("gain_db")) is { } eq)
                    yield return new(track, RegionOf(f), eq, call.GetNumber("gain_db") is not null);
                break;
            case ToolNames.SetCompressor:
                if (Sign(call.GetNumber("steps")) is { } steps) yield return new(track, ReaderAspect.Compression, steps, false);
                else if (call.GetBool("enabled") is bool on) yield return new(track, ReaderAspect.Compression, on ? AspectDirection.Plus : AspectDirection.Minus, true);
                break;
            case ToolNames.SetReverb:
                if (Sign(call.GetNumber("send_delta_db")) is { } send) yield return new(track, ReaderAspect.Reverb, send, false);
                else if (Sign(call.GetNumber("return_delta_db")) is { } ret) yield return new("master", ReaderAspect.Reverb, ret, false);
                break;
            case ToolNames.SetMaster:
                if (Sign(call.GetNumber("output_gain_delta_db")) is { } output) yield return new("master", ReaderAspect.Gain, output, false);
                break;
            case ToolNames.ApplyDescriptor:
                foreach (var a in DescriptorAspects(call, track, descriptors)) yield return a;
                break;
        }
    }

    private static IEnumerable<CallAspect> DescriptorAspects(ToolCall call, string track, DescriptorLexicon descriptors)
    {
        if (call.GetString("descriptor") is not { } word || !descriptors.TryGet(word, out var descriptor)) yield break;
        double sign = call.GetBool("negate") == true ? -1 : 1;
        var moves = descriptor.MovesFor(call.GetString("variant"));
        var seen = new HashSet<ReaderAspect>();
        // The largest move in each region speaks for it: a descriptor that lifts 3 kHz and trims 8 kHz raises presence, lowers highs.
        foreach (var move in moves.Eq.OrderByDescending(m => Math.Abs(m.GainDb)))
        {
            var region = RegionOf(move.FrequencyHz);
            if (move.GainDb != 0 && seen.Add(region)) yield return new(track, region, Direction(sign * move.GainDb), false);
        }
        if (moves.CompressionSteps != 0) yield return new(track, ReaderAspect.Compression, Direction(sign * moves.CompressionSteps), false);
        if (moves.ReverbSendDb != 0) yield return new(track, ReaderAspect.Reverb, Direction(sign * moves.ReverbSendDb), false);
        if (moves.Width != 0) yield return new(track, ReaderAspect.Width, Direction(sign * moves.Width), false);
        if (moves.GainDb != 0) yield return new(track, ReaderAspect.Gain, Direction(sign * moves.GainDb), false);
    }

    /// <summary>The request sets' bands: low 63-250 Hz, low-mid 250-500, mid 0.5-2 k, presence 2-4.5 k, high above.</summary>
    public static ReaderAspect RegionOf(double hz) =>
        hz < 250 ? ReaderAspect.Low : hz < 500 ? ReaderAspect.LowMid : hz < 2000 ? ReaderAspect.Mid : hz < 4500 ? ReaderAspect.Presence : ReaderAspect.High;

    private static AspectDirection? Sign(double? value) => value is double v && v != 0 ? Direction(v) : null;

    private static AspectDirection Direction(double v) => v > 0 ? AspectDirection.Plus : AspectDirection.Minus;
}
