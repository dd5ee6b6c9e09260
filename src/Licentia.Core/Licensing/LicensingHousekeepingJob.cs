using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.Licensing;

/// <summary>What one run of <see cref="LicensingHousekeepingJob"/> did.</summary>
public sealed record HousekeepingResult(bool Ran, int AssociationsRemoved, int UsagesPurged);

/// <summary>
/// The periodic licensing clean-up; the host schedules <see cref="RunOnceAsync"/>. It removes the license
/// associations of deregistered AMIs (the guide: a deregistered AMI's associations go away, running
/// instances keep theirs) and purges usage rows released longer ago than any affinity period. With
/// several nodes on one PostgreSQL database, only the node holding the job lock runs it; the others skip.
/// </summary>
public sealed class LicensingHousekeepingJob(ILicensingStore store, TimeProvider time, int batchSize = 500)
{
    public const string JobName = "licensing-housekeeping";

    public async Task<HousekeepingResult> RunOnceAsync(CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var jobLock = await store.TryAcquireJobLockAsync(JobName, ct);
        if (jobLock is null)
        {
            return new HousekeepingResult(false, 0, 0);
        }

        var removed = 0;
        int batch;
        do
        {
            batch = await store.RemoveAssociationsOfDeregisteredImagesAsync(batchSize, ct);
            removed += batch;
        }
        while (batch >= batchSize);

        // Rows released before the longest affinity period can no longer count under any rule.
        var purged = await store.PurgeReleasedUsagesAsync(time.GetUtcNow().AddDays(-LicenseRuleTable.MaxAffinityDays - 1), ct);
        return new HousekeepingResult(true, removed, purged);
    }
}
