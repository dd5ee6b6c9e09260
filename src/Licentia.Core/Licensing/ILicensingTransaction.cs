using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Licensing;

/// <summary>
/// The statements of one licensing transaction (see <see cref="ILicensingStore.WriteAsync{T}"/>).
/// Reads see everything committed before them; after <see cref="LockAsync"/> nobody else can change
/// what the locks cover until this transaction ends, so a check followed by a write is exact.
/// </summary>
public interface ILicensingTransaction
{
    /// <summary>Takes all the locks, in a stable order. Call at most once per transaction.</summary>
    Task LockAsync(IReadOnlyCollection<LicensingLock> locks, CancellationToken ct);

    Task<LicenseConfiguration?> FindConfigurationAsync(Scope scope, string id, CancellationToken ct);

    /// <summary>Sets the UsageLimitExceeded flag (bumping the version so concurrent updates notice).</summary>
    Task SetUsageLimitExceededAsync(Scope scope, string configurationId, bool exceeded, CancellationToken ct);

    /// <summary>The associations of a resource that apply to the viewer (see <see cref="ILicensingStore.ListAssociationsOfResourceAsync"/>).</summary>
    Task<IReadOnlyList<LicenseAssociation>> AssociationsOfResourceAsync(string region, string viewerAccountId, string resourceArn, CancellationToken ct);

    Task InsertAssociationAsync(LicenseAssociation association, CancellationToken ct);

    Task DeleteAssociationAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct);

    /// <summary>Licenses of the configuration that count: rows not released, or released after <paramref name="heldAfter"/>.</summary>
    Task<long> ConsumedAsync(Scope scope, string configurationId, DateTimeOffset heldAfter, CancellationToken ct);

    Task<LicenseUsage?> FindUsageAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct);

    /// <summary>The usage rows of one resource, whatever configuration (and scope) they belong to.</summary>
    Task<IReadOnlyList<LicenseUsage>> UsagesOfResourceAsync(string region, string resourceOwnerId, string resourceArn, CancellationToken ct);

    /// <summary>Inserts or replaces the row of (configuration, resource).</summary>
    Task UpsertUsageAsync(LicenseUsage usage, CancellationToken ct);

    Task DeleteUsageAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct);

    /// <summary>How many instance rows of the configuration are on the host (not released).</summary>
    Task<int> CountInstanceUsagesOnHostAsync(Scope scope, string configurationId, string hostId, CancellationToken ct);

    /// <summary>The image if <paramref name="viewerAccountId"/> may see it (own, shared or public), in any state.</summary>
    Task<Ec2Image?> FindImageAsync(string region, string viewerAccountId, string imageId, CancellationToken ct);

    Task<Ec2Instance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct);

    Task InsertInstanceAsync(Ec2Instance instance, CancellationToken ct);

    /// <summary>Replaces the instance if its version is still <paramref name="expectedVersion"/>; it gets +1.</summary>
    Task<bool> TryUpdateInstanceAsync(Ec2Instance instance, long expectedVersion, CancellationToken ct);

    Task<DedicatedHost?> FindHostAsync(Scope scope, string hostId, CancellationToken ct);

    /// <summary>Available hosts of the scope in allocation order.</summary>
    Task<IReadOnlyList<DedicatedHost>> AvailableHostsAsync(Scope scope, CancellationToken ct);

    /// <summary>Pending and running instances placed on the host.</summary>
    Task<IReadOnlyList<Ec2Instance>> InstancesOnHostAsync(Scope scope, string hostId, CancellationToken ct);

    Task<bool> TryUpdateHostAsync(DedicatedHost host, long expectedVersion, CancellationToken ct);

    Task<LaunchTemplate?> FindLaunchTemplateAsync(Scope scope, string? id, string? name, CancellationToken ct);

    /// <summary>A managed server (mi-…) of the scope with its last report and reported processors, or null.</summary>
    Task<LicensedServer?> FindManagedServerAsync(Scope scope, string serverId, CancellationToken ct);
}
