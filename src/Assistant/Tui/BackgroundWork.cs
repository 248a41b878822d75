using Mixwright.Dsp.Mixing;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// Runs one long job at a time on the thread pool (a turn, an analysis, a render) and hands its progress
/// and its outcome back to the UI thread through <c>post</c> (the app's Invoke), so views are only ever
/// touched there. Progress is thinned to visible steps so a fast render cannot flood the UI queue.
/// </summary>
public sealed class BackgroundWork(Action<Action> post)
{
    private CancellationTokenSource? _cancellation;

    /// <summary>What is running ("rendering"), or null when idle. Read and written on the UI thread only.</summary>
    public string? Running { get; private set; }

    public bool Busy => Running is not null;

    /// <summary>
    /// Starts <paramref name="work"/> unless another job runs (then returns false and starts nothing).
    /// Exactly one of <paramref name="done"/>, <paramref name="cancelled"/> or <paramref name="failed"/> is
    /// then called on the UI thread.
    /// </summary>
    public bool TryStart<T>(
        string name,
        Func<IProgress<RenderProgress>, CancellationToken, Task<T>> work,
        Action<RenderProgress> progress,
        Action<T> done,
        Action cancelled,
        Action<Exception> failed)
    {
        if (Busy) return false;
        var cancellation = new CancellationTokenSource();
        _cancellation = cancellation;
        Running = name;
        var reporter = new ThinnedProgress(p => post(() => { if (Running == name && !cancellation.IsCancellationRequested) progress(p); }));
        Task.Run(() => work(reporter, cancellation.Token), cancellation.Token).ContinueWith(task => post(() =>
        {
            Running = null;
            _cancellation = null;
            if (task.IsCanceled || task.Exception?.InnerException is OperationCanceledException || (task.IsFaulted && cancellation.IsCancellationRequested))
                cancelled();
            else if (task.Exception is { } e)
                failed(e.InnerException ?? e);
            else
                done(task.Result);
            cancellation.Dispose();
        }), TaskScheduler.Default);
        return true;
    }

    /// <summary>A job with no async parts, run on the thread pool.</summary>
    public bool TryStart<T>(string name, Func<IProgress<RenderProgress>, CancellationToken, T> work, Action<RenderProgress> progress,
        Action<T> done, Action cancelled, Action<Exception> failed) =>
        TryStart(name, (p, c) => Task.FromResult(work(p, c)), progress, done, cancelled, failed);

    /// <summary>Asks the running job to stop; false when nothing runs.</summary>
    public bool Cancel()
    {
        if (_cancellation is not { } c) return false;
        c.Cancel();
        return true;
    }

    /// <summary>Reports a new stage at once and otherwise only every whole percent.</summary>
    private sealed class ThinnedProgress(Action<RenderProgress> report) : IProgress<RenderProgress>
    {
        private readonly Lock _gate = new();
        private string? _stage;
        private int _percent = -1;

        public void Report(RenderProgress value)
        {
            int percent = (int)(Math.Clamp(value.Fraction, 0, 1) * 100);
            lock (_gate)
            {
                if (value.Stage == _stage && percent == _percent) return;
                _stage = value.Stage;
                _percent = percent;
            }
            report(value);
        }
    }
}
