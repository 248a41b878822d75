using System.Numerics.Tensors;
using System.Threading.Channels;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// Runs the console block by block as a two-stage pipeline: the strips are processed in parallel and summed
/// into a mix bus and a reverb send bus; a second thread takes each summed block through the reverb, the master
/// chain and the caller's sink (limiter, meters, file). The stages overlap, so the serial master work does not
/// leave a core idle. A few bus blocks circulate between the stages; nothing is allocated per block.
/// </summary>
internal sealed class BlockMixer(List<ChannelStrip> strips, MixDefinition mix, int block, int parallelism, bool reverbOn)
{
    private const int BlocksInFlight = 3;

    private readonly AudioBuffer _wet = new(2, block, mix.SampleRate);
    private readonly MasterBus _master = new(mix.Master, mix.SampleRate);
    private readonly FdnReverb? _reverb = reverbOn ? CreateReverb(mix) : null;
    private readonly float _returnGain = (float)ConsoleRanges.DbToLinear(mix.Reverb.ReturnDb);

    public double MasterGainReductionDb => _master.MaxGainReductionDb;

    private sealed class BusBlock(int frames, int rate)
    {
        public readonly AudioBuffer Mix = new(2, frames, rate);
        public readonly AudioBuffer Send = new(2, frames, rate);
        public int Frames;
    }

    private static FdnReverb CreateReverb(MixDefinition mix)
    {
        var reverb = new FdnReverb();
        reverb.Prepare(mix.SampleRate);
        reverb.Update(mix.Reverb);
        return reverb;
    }

    public void Run(long totalFrames, Action<AudioBuffer, int> sink, IProgress<RenderProgress>? progress, string stage, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var full = Channel.CreateBounded<BusBlock>(BlocksInFlight);
        var free = Channel.CreateBounded<BusBlock>(BlocksInFlight);
        for (int i = 0; i < BlocksInFlight; i++) free.Writer.TryWrite(new BusBlock(block, mix.SampleRate));

        var consumer = Task.Run(() =>
        {
            try
            {
                long done = 0;
                while (full.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (full.Reader.TryRead(out var bus))
                    {
                        Finish(bus, sink);
                        done += bus.Frames;
                        free.Writer.TryWrite(bus);
                        progress?.Report(new RenderProgress(stage, (double)done / totalFrames));
                    }
                }
            }
            catch
            {
                stop.Cancel(); // unblock the producer; Run reports the consumer's exception
                throw;
            }
        });

        Exception? producerFailure = null, consumerFailure = null;
        try
        {
            Produce(totalFrames, full.Writer, free.Reader, stop.Token);
        }
        catch (Exception e)
        {
            producerFailure = e;
            stop.Cancel();
        }
        full.Writer.TryComplete();
        try
        {
            consumer.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            consumerFailure = e;
        }

        // The first real failure wins; a cancellation is only the echo of the other stage stopping.
        var failure = new[] { consumerFailure, producerFailure }.FirstOrDefault(e => e is not null and not OperationCanceledException)
                      ?? producerFailure ?? consumerFailure;
        if (failure is null) return;
        cancellation.ThrowIfCancellationRequested();
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }

    private void Produce(long totalFrames, ChannelWriter<BusBlock> full, ChannelReader<BusBlock> free, CancellationToken token)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = token };
        for (long done = 0; done < totalFrames;)
        {
            token.ThrowIfCancellationRequested();
            int n = (int)Math.Min(block, totalFrames - done);
            try
            {
                Parallel.For(0, strips.Count, parallel, i => strips[i].Process(n));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // A bad stem is the user's error: surface its own message, not the parallel wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }

            var bus = free.ReadAsync(token).AsTask().GetAwaiter().GetResult();
            bus.Frames = n;
            bus.Mix.Clear(n);
            if (_reverb is not null) bus.Send.Clear(n);
            foreach (var strip in strips)
            {
                for (int c = 0; c < 2; c++)
                {
                    Span<float> mixBus = bus.Mix.Channel(c)[..n];
                    TensorPrimitives.Add(mixBus, strip.Output.Channel(c)[..n], mixBus);
                    if (_reverb is not null && strip.HasSend)
                    {
                        Span<float> send = bus.Send.Channel(c)[..n];
                        TensorPrimitives.Add(send, strip.Send.Channel(c)[..n], send);
                    }
                }
            }
            full.WriteAsync(bus, token).AsTask().GetAwaiter().GetResult();
            done += n;
        }
    }

    private void Finish(BusBlock bus, Action<AudioBuffer, int> sink)
    {
        int n = bus.Frames;
        if (_reverb is not null)
        {
            _reverb.Process(bus.Send, _wet, n);
            for (int c = 0; c < 2; c++)
            {
                Span<float> mixBus = bus.Mix.Channel(c)[..n];
                TensorPrimitives.MultiplyAdd(_wet.Channel(c)[..n], _returnGain, mixBus, mixBus);
            }
        }
        _master.Process(bus.Mix, n);
        sink(bus.Mix, n);
    }
}
