using Licentia.Core.Paging;

namespace Licentia.Core.Tokens;

/// <summary>Persistence of refresh tokens. Every call is scoped; each method is one transaction.</summary>
public interface ITokenStore
{
    Task InsertAsync(LicenseToken token, CancellationToken ct);

    /// <summary>The token with this id in the scope (deleted or not), or null.</summary>
    Task<LicenseToken?> FindAsync(Scope scope, string tokenId, CancellationToken ct);

    /// <summary>Marks the token deleted at <paramref name="at"/>; false when there is no such undeleted token.</summary>
    Task<bool> MarkDeletedAsync(Scope scope, string tokenId, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Tokens of the scope in creation order, keyset-paged. A null <paramref name="tokenIds"/> or
    /// <paramref name="licenseArns"/> does not filter; an empty one matches nothing.
    /// </summary>
    Task<Page<LicenseToken>> ListAsync(
        Scope scope, IReadOnlyList<string>? tokenIds, IReadOnlyList<string>? licenseArns, string? cursor, int limit, CancellationToken ct);
}
