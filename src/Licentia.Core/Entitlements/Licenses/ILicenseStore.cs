using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// Persistence of seller-issued licenses, with all their versions. Every call is scoped: by the issuer's account
/// and the license's HomeRegion, or (received licenses) by the grantee's account and that Region.
/// </summary>
public interface ILicenseStore
{
    /// <summary>Stores a new license and its tags (scoped to the issuer) atomically.</summary>
    Task InsertAsync(License license, IReadOnlyList<Tag> tags, CancellationToken ct);

    /// <summary>The license with this id issued by the scope's account in the scope's Region, or null.</summary>
    Task<License?> FindAsync(Scope scope, string id, CancellationToken ct);

    /// <summary>Licenses the scope's account issued in the scope's Region, in creation order.</summary>
    Task<Page<License>> ListAsync(Scope scope, LicenseQuery query, CancellationToken ct);

    /// <summary>Licenses of the scope's Region on which the scope's account holds at least one grant, in creation order.</summary>
    Task<Page<License>> ListReceivedAsync(Scope grantee, LicenseQuery query, CancellationToken ct);

    /// <summary>
    /// Replaces the stored license if its current version is still <paramref name="expectedVersion"/> and it is not
    /// deleted. False if another writer versioned or deleted it meanwhile (nothing is written then).
    /// </summary>
    Task<bool> TryUpdateAsync(License license, long expectedVersion, CancellationToken ct);

    /// <summary>
    /// DeleteLicense in one transaction: stores <paramref name="deleted"/> as <see cref="TryUpdateAsync"/> does and
    /// replaces every grant of the license, by any grantor, with what <paramref name="endGrant"/> makes of it (a grant it
    /// returns unchanged is left alone). False, and nothing written, if the license changed or was deleted meanwhile.
    /// Serialized with CreateGrant of the same license, so no grant is created past the deletion.
    /// </summary>
    Task<bool> TryDeleteAsync(License deleted, long expectedVersion, Func<Grant, Grant> endGrant, CancellationToken ct);
}
