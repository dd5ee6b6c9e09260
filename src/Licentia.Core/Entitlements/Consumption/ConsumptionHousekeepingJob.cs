namespace Licentia.Core.Entitlements.Consumption;

/// <summary>
/// Purges lapsed consumption: provisional and borrowed check-outs past their expiry and not extended, and check-outs
/// whose renewal period ended. Lapsing is derived from the stored instants and the clock, not an event, so such rows
/// simply stop counting; they are kept <see cref="Retention"/> (a moved-back clock or an investigation still sees
/// them) and then deleted, in batches so that no run holds a long transaction. Check-in removes its row at once. With
/// several nodes on one database only the node holding the job lock runs it; the others skip.
/// </summary>
public sealed class ConsumptionHousekeepingJob(IConsumptionStore store, TimeProvider time, int batchSize = 500)
{
    public const string JobName = "consumption-housekeeping";

    /// <summary>How long a lapsed consumption is kept before it is purged.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Runs once; the number of rows purged, or null when another node holds the job lock.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        await using var jobLock = await store.TryAcquireJobLockAsync(JobName, ct);
        if (jobLock is null)
        {
            return null;
        }

        var before = time.GetUtcNow() - Retention;
        var purged = 0;
        int batch;
        do
        {
            batch = await store.PurgeLapsedAsync(before, batchSize, ct);
            purged += batch;
        }
        while (batch >= batchSize);
        return purged;
    }
}
