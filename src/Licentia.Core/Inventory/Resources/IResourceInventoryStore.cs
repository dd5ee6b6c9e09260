using Licentia.Core.Paging;

namespace Licentia.Core.Inventory.Resources;

/// <summary>The EC2 instances (not terminated) and managed servers of a scope, as one keyset-paged listing.</summary>
public interface IResourceInventoryStore
{
    /// <summary>
    /// The scope's resources passing <paramref name="query"/>: EC2 instances in launch order, then managed servers in
    /// registration order, after the cursor. A page may hold fewer than <paramref name="limit"/> items only when it is
    /// the last. At most <paramref name="scanLimit"/> rows are examined per call, so a very selective filter returns a
    /// short (even empty) page with a cursor instead of scanning everything.
    /// </summary>
    Task<Page<InventoryResource>> ListResourcesAsync(Scope scope, ResourceInventoryQuery query, string? after, int limit, int scanLimit, CancellationToken ct);
}
