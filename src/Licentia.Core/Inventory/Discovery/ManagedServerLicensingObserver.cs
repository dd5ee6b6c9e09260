using Licentia.Core.Licensing;

namespace Licentia.Core.Inventory.Discovery;

/// <summary>
/// Connects inventory to licensing: new inventory wakes discovery; a deregistered server's associations and
/// licenses go at once, right after the deregistration's own transaction.
/// </summary>
public sealed class ManagedServerLicensingObserver(LicenseAssociationManager associations, DiscoveryTrigger trigger) : IManagedServerObserver
{
    public void InventoryChanged(Scope scope, string instanceId) => trigger.Signal();

    public async Task DeregisteredAsync(Scope scope, string instanceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(associations);
        try
        {
            await associations.ReleaseManagedServerAsync(scope, instanceId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The server is already gone, so the deregistration stands. Discovery's next pass removes the associations
            // of servers that no longer exist and releases their licenses; wake it now rather than in a minute.
            trigger.Signal();
        }
    }
}
