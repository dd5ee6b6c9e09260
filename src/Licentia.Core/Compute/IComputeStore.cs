using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.Paging;

namespace Licentia.Core.Compute;

/// <summary>
/// Persistence of the EC2 resources outside licensing decisions: registration, description, hosts and
/// launch templates. Changes that consume or release licenses go through <c>ILicensingTransaction</c>.
/// Every call is scoped; images are scoped by Region and visibility (own, shared, public).
/// </summary>
public interface IComputeStore
{
    /// <summary>Stores the image unless its owner has one of that name in the Region (then false). Serialized per scope.</summary>
    Task<bool> TryInsertImageAsync(Ec2Image image, CancellationToken ct);

    /// <summary>The image if <paramref name="viewerAccountId"/> may see it, in any state.</summary>
    Task<Ec2Image?> FindImageAsync(string region, string viewerAccountId, string imageId, CancellationToken ct);

    /// <summary>Images visible to the viewer, in registration order.</summary>
    Task<Page<Ec2Image>> ListImagesAsync(Scope viewer, ImageQuery query, CancellationToken ct);

    /// <summary>Replaces the image (owner's scope) if its version is still <paramref name="expectedVersion"/>; also rewrites its launch permissions.</summary>
    Task<bool> TryUpdateImageAsync(Ec2Image image, long expectedVersion, CancellationToken ct);

    Task<Ec2Instance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct);

    Task<Page<Ec2Instance>> ListInstancesAsync(Scope scope, InstanceQuery query, CancellationToken ct);

    /// <summary>Stores newly allocated hosts, all or none.</summary>
    Task InsertHostsAsync(IReadOnlyList<DedicatedHost> hosts, CancellationToken ct);

    Task<DedicatedHost?> FindHostAsync(Scope scope, string hostId, CancellationToken ct);

    Task<Page<DedicatedHost>> ListHostsAsync(Scope scope, HostQuery query, CancellationToken ct);

    /// <summary>Stores the template unless the scope has one of that name (then false). Serialized per scope.</summary>
    Task<bool> TryInsertLaunchTemplateAsync(LaunchTemplate launchTemplate, CancellationToken ct);

    Task<LaunchTemplate?> FindLaunchTemplateAsync(Scope scope, string? id, string? name, CancellationToken ct);

    Task<Page<LaunchTemplate>> ListLaunchTemplatesAsync(Scope scope, LaunchTemplateQuery query, CancellationToken ct);
}
