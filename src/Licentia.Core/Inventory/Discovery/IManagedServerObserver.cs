namespace Licentia.Core.Inventory.Discovery;

/// <summary>What <see cref="InventoryManager"/> tells licensing about managed servers.</summary>
public interface IManagedServerObserver
{
    /// <summary>New inventory was stored for the server (at least one item changed).</summary>
    void InventoryChanged(Scope scope, string instanceId);

    /// <summary>The server was deregistered: what it held must be released.</summary>
    Task DeregisteredAsync(Scope scope, string instanceId, CancellationToken ct);
}
