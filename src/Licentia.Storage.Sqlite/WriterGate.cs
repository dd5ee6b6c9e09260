using System.Diagnostics.CodeAnalysis;

namespace Licentia.Storage.Sqlite;

/// <summary>
/// SQLite admits one writer at a time. Queuing this process's writers here, with an asynchronous
/// wait, means a waiting writer costs no thread; only writers from other processes are left to
/// SQLite's busy timeout, which blocks the thread that waits.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim needs disposing only once its AvailableWaitHandle is used, which never happens here.")]
internal sealed class WriterGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<IAsyncDisposable?> EnterAsync(CancellationToken ct)
    {
        await _semaphore.WaitAsync(ct);
        return new Slot(_semaphore);
    }

    private sealed class Slot(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
