using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;

namespace Licentia.Core.Compute;

/// <summary>RegisterImage. PlatformDetails and UsageOperation default to a Linux image billed as RunInstances.</summary>
public sealed record RegisterImageCommand
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Architecture { get; init; }
    public string? RootDeviceName { get; init; }
    public string? PlatformDetails { get; init; }
    public string? UsageOperation { get; init; }
}

/// <summary>DescribeImages. Owners take "self" or account ids; <see cref="After"/> is the store cursor the wire token wraps.</summary>
public sealed record DescribeImagesCommand
{
    public IReadOnlyList<string>? ImageIds { get; init; }
    public IReadOnlyList<string>? Owners { get; init; }
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public bool IncludeDeregistered { get; init; }
    public int? MaxResults { get; init; }
    public string? After { get; init; }
}

/// <summary>
/// Launch permissions of an image (ModifyImageAttribute launchPermission): accounts to add and remove,
/// and whether the image is public.
/// </summary>
public sealed record ModifyImageLaunchPermissionCommand
{
    public required string ImageId { get; init; }
    public IReadOnlyList<string> AddAccounts { get; init; } = [];
    public IReadOnlyList<string> RemoveAccounts { get; init; } = [];
    public bool? Public { get; init; }
}

/// <summary>The launch template of a RunInstances request: by id or by name, and a version ($Latest, $Default or a number).</summary>
public sealed record LaunchTemplateReference(string? LaunchTemplateId, string? LaunchTemplateName, string? Version);

/// <summary>
/// RunInstances. A member left null comes from the launch template, if one is given. The licenses that
/// apply are the image's associations, the template's and <see cref="LicenseConfigurationArns"/>.
/// </summary>
public sealed record RunInstancesCommand
{
    public string? ImageId { get; init; }
    public string? InstanceType { get; init; }
    public int MinCount { get; init; } = 1;
    public int MaxCount { get; init; } = 1;
    public Placement? Placement { get; init; }
    public CpuOptions? CpuOptions { get; init; }
    public IReadOnlyList<string> LicenseConfigurationArns { get; init; } = [];
    public LaunchTemplateReference? LaunchTemplate { get; init; }
    public bool DryRun { get; init; }
}

/// <summary>What RunInstances returns: the reservation and its instances as EC2 reports them at launch (pending).</summary>
public sealed record RunInstancesResult(string ReservationId, string OwnerId, IReadOnlyList<Ec2Instance> Instances);

/// <summary>DescribeInstances.</summary>
public sealed record DescribeInstancesCommand
{
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public int? MaxResults { get; init; }
    public string? After { get; init; }
}

/// <summary>ModifyInstancePlacement: a null member is left as it is.</summary>
public sealed record ModifyInstancePlacementCommand
{
    public required string InstanceId { get; init; }
    public string? Tenancy { get; init; }
    public string? Affinity { get; init; }
    public string? HostId { get; init; }
    public string? HostResourceGroupArn { get; init; }
}

/// <summary>AllocateHosts: exactly one of InstanceType and InstanceFamily.</summary>
public sealed record AllocateHostsCommand
{
    public required string AvailabilityZone { get; init; }
    public string? InstanceType { get; init; }
    public string? InstanceFamily { get; init; }
    public int Quantity { get; init; } = 1;
    /// <summary>"on" or "off"; EC2's default is off.</summary>
    public string? AutoPlacement { get; init; }
    /// <summary>"on" or "off"; EC2's default is off.</summary>
    public string? HostRecovery { get; init; }
}

/// <summary>DescribeHosts.</summary>
public sealed record DescribeHostsCommand
{
    public IReadOnlyList<string>? HostIds { get; init; }
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public int? MaxResults { get; init; }
    public string? After { get; init; }
}

/// <summary>CreateLaunchTemplate.</summary>
public sealed record CreateLaunchTemplateCommand
{
    public required string LaunchTemplateName { get; init; }
    public string? VersionDescription { get; init; }
    public required LaunchTemplateData LaunchTemplateData { get; init; }
}

/// <summary>DescribeLaunchTemplates.</summary>
public sealed record DescribeLaunchTemplatesCommand
{
    public IReadOnlyList<string>? LaunchTemplateIds { get; init; }
    public IReadOnlyList<string>? LaunchTemplateNames { get; init; }
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public int? MaxResults { get; init; }
    public string? After { get; init; }
}
