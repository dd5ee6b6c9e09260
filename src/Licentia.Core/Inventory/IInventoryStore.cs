using Licentia.Core.Paging;

namespace Licentia.Core.Inventory;

/// <summary>
/// Persistence of activations, managed nodes, their access keys and their inventory. Every call is scoped by
/// account and Region, except the two lookups that happen before a caller is known (registration by activation
/// id and Region, signature verification by access key id). Each method is one transaction.
/// </summary>
public interface IInventoryStore
{
    /// <summary>Stores a new activation unless the scope holds <paramref name="maxPerScope"/> already (then false).</summary>
    Task<bool> TryInsertActivationAsync(Activation activation, int maxPerScope, CancellationToken ct);

    Task<Activation?> FindActivationAsync(Scope scope, string activationId, CancellationToken ct);

    /// <summary>The activation with this id in this Region, whatever its account: registration knows no account yet.</summary>
    Task<Activation?> FindActivationForRegistrationAsync(string region, string activationId, CancellationToken ct);

    Task<Page<Activation>> ListActivationsAsync(Scope scope, ActivationQuery query, string? after, int limit, CancellationToken ct);

    /// <summary>Deletes the activation (its registered nodes stay); false when there was none.</summary>
    Task<bool> DeleteActivationAsync(Scope scope, string activationId, CancellationToken ct);

    /// <summary>
    /// Takes one registration slot of the instance's activation and stores the node, its key and its first
    /// AWS:InstanceInformation item, all or nothing. The slot is taken by one conditional update (not deleted,
    /// unexpired at <paramref name="now"/>, count below the limit), so concurrent registrations can never pass the limit.
    /// </summary>
    Task<RegistrationOutcome> TryRegisterAsync(ManagedInstance instance, ManagedInstanceKey key, InventoryItem information, DateTimeOffset now, CancellationToken ct);

    Task<ManagedInstance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct);

    Task<Page<ManagedInstance>> ListInstancesAsync(Scope scope, InstanceQuery query, string? after, int limit, CancellationToken ct);

    /// <summary>Removes the node, its access keys and its inventory at once; false when there was none.</summary>
    Task<bool> DeregisterAsync(Scope scope, string instanceId, CancellationToken ct);

    /// <summary>A managed node's access key by id (global: signature verification knows only the id).</summary>
    Task<ManagedInstanceKey?> FindInstanceKeyAsync(string accessKeyId, CancellationToken ct);

    /// <summary>
    /// Writes the items whose content hash differs from the stored one (unchanged items are not rewritten), updates
    /// the node's host facts when given, and sets its last ping to <paramref name="now"/> when the put is the node's
    /// own <paramref name="heartbeat"/>. Refused (nothing written) when the node would carry more than
    /// <paramref name="maxCustomTypes"/> Custom: types.
    /// </summary>
    Task<PutInventoryOutcome> PutInventoryAsync(
        Scope scope, string instanceId, IReadOnlyList<InventoryItem> items, HostFacts? facts, DateTimeOffset now, bool heartbeat, int maxCustomTypes,
        CancellationToken ct);

    /// <summary>The node's items, of one type when <paramref name="typeName"/> is given, by type name.</summary>
    Task<IReadOnlyList<InventoryItem>> ListItemsAsync(Scope scope, string instanceId, string? typeName, CancellationToken ct);

    /// <summary>Managed nodes in creation order after the cursor, each with all its items.</summary>
    Task<Page<ScannedInventory>> ScanInventoryAsync(Scope scope, string? after, int limit, CancellationToken ct);
}
