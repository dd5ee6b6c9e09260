using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>Persistence of license configurations. Every call is scoped; each method is one transaction.</summary>
public interface ILicenseConfigurationStore
{
    /// <summary>
    /// Stores a new configuration and its tags atomically, unless the scope already holds
    /// <paramref name="maxPerScope"/> configurations: then nothing is stored and it returns false.
    /// The count and the insert are serialized so concurrent creators cannot pass the quota.
    /// </summary>
    Task<bool> TryInsertAsync(LicenseConfiguration configuration, IReadOnlyList<Tag> tags, int maxPerScope, CancellationToken ct);

    Task<LicenseConfiguration?> FindAsync(Scope scope, string id, CancellationToken ct);

    Task<Page<LicenseConfiguration>> ListAsync(Scope scope, LicenseConfigurationQuery query, CancellationToken ct);

    /// <summary>
    /// Replaces the stored configuration if its version still equals <paramref name="expectedVersion"/>;
    /// the stored copy gets <c>expectedVersion + 1</c>. False if it was changed or deleted meanwhile.
    /// </summary>
    Task<bool> TryUpdateAsync(LicenseConfiguration configuration, long expectedVersion, CancellationToken ct);

    /// <summary>Deletes the configuration and its tags. False if it did not exist.</summary>
    Task<bool> DeleteAsync(Scope scope, string id, CancellationToken ct);
}
