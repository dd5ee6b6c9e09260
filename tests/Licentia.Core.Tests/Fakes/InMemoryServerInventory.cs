using Licentia.Core.Inventory;
using Licentia.Core.Paging;

namespace Licentia.Core.Tests.Fakes;

/// <summary>
/// The part of the inventory store automated discovery reads (<see cref="IInventoryStore.ScanInventoryAsync"/>), over
/// servers a test puts; every other member is not needed by the tests that use it.
/// </summary>
public sealed class InMemoryServerInventory : IInventoryStore
{
    private readonly List<InstanceInventory> _servers = [];

    public void Put(InstanceInventory server)
    {
        var index = _servers.FindIndex(s => s.Instance.Scope == server.Instance.Scope && s.Instance.Id == server.Instance.Id);
        if (index < 0)
        {
            _servers.Add(server);
        }
        else
        {
            _servers[index] = server;
        }
    }

    public void Remove(string instanceId) => _servers.RemoveAll(s => s.Instance.Id == instanceId);

    public Task<Page<ScannedInventory>> ScanInventoryAsync(Scope scope, string? after, int limit, CancellationToken ct)
    {
        var all = _servers.Where(s => s.Instance.Scope == scope).ToList();
        var start = after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var page = all.Skip(start).Take(limit).Select((s, i) => new ScannedInventory(s, (start + i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return Task.FromResult(new Page<ScannedInventory>(page, start + page.Count < all.Count ? page[^1].Cursor : null));
    }

    public Task<bool> TryInsertActivationAsync(Activation activation, int maxPerScope, CancellationToken ct) => throw new NotSupportedException();

    public Task<Activation?> FindActivationAsync(Scope scope, string activationId, CancellationToken ct) => throw new NotSupportedException();

    public Task<Activation?> FindActivationForRegistrationAsync(string region, string activationId, CancellationToken ct) => throw new NotSupportedException();

    public Task<Page<Activation>> ListActivationsAsync(Scope scope, ActivationQuery query, string? after, int limit, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<bool> DeleteActivationAsync(Scope scope, string activationId, CancellationToken ct) => throw new NotSupportedException();

    public Task<RegistrationOutcome> TryRegisterAsync(
        ManagedInstance instance, ManagedInstanceKey key, InventoryItem information, DateTimeOffset now, CancellationToken ct) => throw new NotSupportedException();

    public Task<ManagedInstance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct) => throw new NotSupportedException();

    public Task<Page<ManagedInstance>> ListInstancesAsync(Scope scope, InstanceQuery query, string? after, int limit, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<bool> DeregisterAsync(Scope scope, string instanceId, CancellationToken ct) => throw new NotSupportedException();

    public Task<ManagedInstanceKey?> FindInstanceKeyAsync(string accessKeyId, CancellationToken ct) => throw new NotSupportedException();

    public Task<PutInventoryOutcome> PutInventoryAsync(
        Scope scope, string instanceId, IReadOnlyList<InventoryItem> items, HostFacts? facts, DateTimeOffset now, bool heartbeat, int maxCustomTypes,
        CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<InventoryItem>> ListItemsAsync(Scope scope, string instanceId, string? typeName, CancellationToken ct) =>
        throw new NotSupportedException();
}
