using Licentia.Core.Errors;
using Licentia.Core.Inventory;

namespace Licentia.Core.Licensing;

/// <summary>What discovery and deregistration do to the licenses of a managed server (SSM managed node).</summary>
public sealed partial class LicenseAssociationManager
{
    /// <summary>
    /// Brings what a managed server consumes from one associated configuration in line with the rules: an active
    /// server whose figures are known consumes its demand; an inactive one, or one whose figures are not known yet,
    /// consumes nothing; an association whose server is gone is removed. A refusal (hard limit, a rule) leaves the
    /// server not consuming, is recorded (unless <paramref name="recordFailures"/> is false) and thrown as
    /// <see cref="LicenseUsageException"/>. Returns whether anything changed.
    /// </summary>
    public async Task<bool> ReplanManagedServerAsync(Scope scope, string configurationId, string serverId, bool recordFailures, CancellationToken ct)
    {
        var serverArn = ManagedInstanceIds.Arn(scope, serverId);
        return await _runner.RunAsync(DiscoveryOperation(scope), async ledger =>
        {
            var tx = ledger.Transaction;
            await tx.LockAsync([LicensingLock.Configuration(scope, configurationId), LicensingLock.ManagedServer(scope, serverId)], ct);
            var server = await tx.FindManagedServerAsync(scope, serverId, ct);
            var associated = (await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, serverArn, ct))
                .Any(a => a.Scope == scope && a.LicenseConfigurationId == configurationId);
            var row = await tx.FindUsageAsync(scope, configurationId, serverArn, ct);
            var entry = await ledger.GetAsync(scope, configurationId);
            if (server is null || entry is null)
            {
                // Deregistered (or the configuration is gone): nothing of it may remain.
                await tx.DeleteAssociationAsync(scope, configurationId, serverArn, ct);
                await ledger.ReleaseFromAsync(scope, serverArn, scope, configurationId);
                return associated || row is not null;
            }

            var demand = associated && ManagedServerCounting.IsActive(server, ledger.Now, _serverInactiveAfter)
                ? ManagedServerCounting.Demand(entry.Configuration, entry.Rules, server)
                : null;
            if (demand is { IsRefused: false } && row is not null && row.Consumed == demand.Count)
            {
                return false;
            }

            if (row is not null)
            {
                await ledger.ReleaseFromAsync(scope, serverArn, scope, configurationId);
            }

            if (demand is not null)
            {
                await ledger.ApplyServerAsync(await ledger.PlanServerAsync(entry, server, demand), server);
                return true;
            }

            return row is not null;
        }, refusal => new LicenseUsageException(refusal.Message), recordFailures, ct);
    }

    /// <summary>
    /// A managed server was deregistered: every association with it goes and every license it held is released, in
    /// one transaction. Returns how many associations were removed.
    /// </summary>
    public async Task<int> ReleaseManagedServerAsync(Scope scope, string serverId, CancellationToken ct)
    {
        var serverArn = ManagedInstanceIds.Arn(scope, serverId);
        return await _runner.RunAsync(new LicensingOperation("DeregisterManagedInstance", scope.AccountId), async ledger =>
        {
            var tx = ledger.Transaction;
            async Task<IReadOnlySet<(Scope Scope, string Id)>> ConfigurationsAsync()
            {
                var associations = await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, serverArn, ct);
                var usages = await tx.UsagesOfResourceAsync(scope.Region, scope.AccountId, serverArn, ct);
                return associations.Select(a => (a.Scope, a.LicenseConfigurationId)).Concat(usages.Select(u => (u.Scope, u.LicenseConfigurationId))).ToHashSet();
            }

            var found = await ConfigurationsAsync();
            await LicensingRunner.LockVerifiedAsync(tx, [LicensingLock.ManagedServer(scope, serverId)], ConfigurationsAsync, found, ct);
            var associations = await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, serverArn, ct);
            foreach (var association in associations)
            {
                await tx.DeleteAssociationAsync(association.Scope, association.LicenseConfigurationId, serverArn, ct);
            }

            await ledger.ReleaseAllAsync(scope, serverArn);
            return associations.Count;
        }, refusal => new LicenseUsageException(refusal.Message), recordFailures: true, ct);
    }
}
