using Licentia.Core.Paging;

namespace Licentia.Core.Inventory.Resources;

/// <summary>The EC2 instances (not terminated) and managed servers of a scope, as one keyset-paged listing.</summary>
public interface IResourceInventoryStore
{
    /// <summary>
    /// The scope's resources passing <paramref name="query"/>: EC2 instances in launch order, then managed servers in
    /// registration order, after the cursor. Every filter is answered by the store's indexes (see
    /// <see cref="InventoryIndex"/>). A walk over candidates no index narrows (NOT_EQUALS and CONTAINS only, or a
    /// common value whose other filters reject most of it) examines at most <paramref name="scanLimit"/> of them per
    /// table and call, so such a page may end short, even empty, with a cursor; otherwise a page holds fewer than
    /// <paramref name="limit"/> items only when it is the last.
    /// </summary>
    Task<Page<InventoryResource>> ListResourcesAsync(Scope scope, ResourceInventoryQuery query, string? after, int limit, int scanLimit, CancellationToken ct);
}
