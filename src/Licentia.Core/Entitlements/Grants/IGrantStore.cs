using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.Entitlements.Grants;

/// <summary>
/// Persistence of grants with all their versions. Every call is scoped by account and Region: the grantor's
/// account for distributed grants, the grantee's account for received ones.
/// </summary>
public interface IGrantStore
{
    /// <summary>
    /// Stores a new grant and its tags (scoped to the grantor) atomically, unless the license already has
    /// <paramref name="maxLivePerLicense"/> grants not in a final status (REJECTED, FAILED_WORKFLOW, DELETED), counted
    /// over every grantor: then nothing is stored and it returns false. Count and insert are serialized per license.
    /// </summary>
    Task<bool> TryInsertAsync(Grant grant, IReadOnlyList<Tag> tags, int maxLivePerLicense, CancellationToken ct);

    /// <summary>The grant with this id that the scope's account made in the scope's Region, or null.</summary>
    Task<Grant?> FindAsync(Scope grantor, string id, CancellationToken ct);

    /// <summary>The grant with this id made to the scope's account in the scope's Region, or null.</summary>
    Task<Grant?> FindReceivedAsync(Scope grantee, string id, CancellationToken ct);

    Task<Page<Grant>> ListDistributedAsync(Scope grantor, GrantQuery query, CancellationToken ct);

    Task<Page<Grant>> ListReceivedAsync(Scope grantee, GrantQuery query, CancellationToken ct);

    /// <summary>Replaces the stored grant if its version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> TryUpdateAsync(Grant grant, long expectedVersion, CancellationToken ct);
}
