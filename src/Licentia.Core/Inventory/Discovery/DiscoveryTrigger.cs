namespace Licentia.Core.Inventory.Discovery;

/// <summary>
/// Wakes the discovery scheduler early, e.g. when new inventory arrives. Signals coalesce: however many arrive while
/// the scheduler is busy, it runs once more.
/// </summary>
public sealed class DiscoveryTrigger : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A run is already due.
        }
    }

    /// <summary>True when signalled before <paramref name="timeout"/> passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
