namespace Licentia.Core.Licensing;

/// <summary>
/// Runs a licensing decision: one write transaction with a fresh <see cref="LicenseLedger"/>, started
/// over when the locks turned out not to cover what was found after taking them. A refusal rolls the
/// transaction back, is recorded as a failure in a transaction of its own, and is rethrown as the
/// caller's API error; soft-limit alerts are recorded after the commit.
/// </summary>
internal sealed class LicensingRunner(ILicensingStore store, TimeProvider time, LicensingQuotas quotas)
{
    public async Task<T> RunAsync<T>(
        LicensingOperation operation,
        Func<LicenseLedger, Task<T>> work,
        Func<LicenseRefusalException, Exception> mapRefusal,
        bool recordFailures,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            IReadOnlyList<LicenseOperationFailure> alerts = [];
            try
            {
                var result = await store.WriteAsync(async tx =>
                {
                    var ledger = new LicenseLedger(tx, now, ct);
                    var value = await work(ledger);
                    alerts = await ledger.FinishAsync(operation);
                    return value;
                }, ct);
                if (alerts.Count > 0 && recordFailures)
                {
                    await store.RecordFailuresAsync(alerts, ct);
                }

                return result;
            }
            catch (LockSetChangedException) when (attempt < quotas.LicensingTransactionAttempts)
            {
            }
            catch (LicenseRefusalException refusal)
            {
                if (recordFailures)
                {
                    await store.RecordFailuresAsync([ToFailure(refusal, operation, now)], ct);
                }

                throw mapRefusal(refusal);
            }
        }
    }

    public static LicenseOperationFailure ToFailure(LicenseRefusalException refusal, LicensingOperation operation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(operation);
        return new LicenseOperationFailure
        {
            AccountId = refusal.Configuration.AccountId,
            Region = refusal.Configuration.Region,
            LicenseConfigurationId = refusal.Configuration.Id,
            ResourceArn = refusal.ResourceArn,
            ResourceType = refusal.ResourceType,
            ResourceOwnerId = refusal.ResourceOwnerId,
            ErrorMessage = refusal.Message,
            FailureTime = now,
            OperationName = operation.Name,
            OperationRequestedBy = operation.RequestedBy,
            Metadata =
            [
                new FailureMetadata(FailureMetadataNames.Outcome, FailureMetadataNames.Refused),
                new FailureMetadata("Reason", refusal.Kind.ToString()),
            ],
        };
    }

    /// <summary>Takes the locks, then checks that the configurations found before still are all there are.</summary>
    public static async Task LockVerifiedAsync(
        ILicensingTransaction tx,
        IReadOnlyCollection<LicensingLock> otherLocks,
        Func<Task<IReadOnlySet<(Scope Scope, string Id)>>> discover,
        IReadOnlySet<(Scope Scope, string Id)> found,
        CancellationToken ct)
    {
        var locks = new List<LicensingLock>(otherLocks);
        locks.AddRange(found.Select(c => LicensingLock.Configuration(c.Scope, c.Id)));
        await tx.LockAsync(locks, ct);
        var again = await discover();
        if (!again.SetEquals(found))
        {
            throw new LockSetChangedException();
        }
    }
}
