using Licentia.Core.Tagging;

namespace Licentia.Core.Inventory.Resources;

/// <summary>The kinds of resource ListResourceInventory reports, by their wire names.</summary>
public enum InventoryResourceType
{
    /// <summary>An EC2 instance of the control plane (EC2_INSTANCE).</summary>
    Ec2Instance,

    /// <summary>A server registered through an SSM activation, mi-... (SYSTEMS_MANAGER_MANAGED_INSTANCE).</summary>
    SsmManaged,
}

/// <summary>
/// One resource as ListResourceInventory shows it: an EC2 instance or a managed server, with the facts its
/// filters look at (platform, installed applications, license-included software, tags).
/// </summary>
public sealed record InventoryResource
{
    public required string ResourceId { get; init; }

    public required InventoryResourceType Type { get; init; }

    public required string Arn { get; init; }

    public required string OwnerAccountId { get; init; }

    public required string Region { get; init; }

    public string Platform { get; init; } = string.Empty;

    public string PlatformVersion { get; init; } = string.Empty;

    /// <summary>Names of the applications in the resource's AWS:Application inventory.</summary>
    public IReadOnlyList<string> ApplicationNames { get; init; } = [];

    /// <summary>License-included software (windows-server-datacenter, sql-server-…), from the billing code.</summary>
    public IReadOnlyList<string> LicenseIncluded { get; init; } = [];

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public string? AmiId { get; init; }

    public string? HostId { get; init; }

    public string? InstanceType { get; init; }

    public string? UsageOperation { get; init; }
}

/// <summary>What an EC2 billing code (usage operation) says about license-included software.</summary>
public static class LicenseIncludedSoftware
{
    public const string WindowsServerDatacenter = "windows-server-datacenter";
    public const string SqlServerEnterprise = "sql-server-enterprise";
    public const string SqlServerStandard = "sql-server-standard";
    public const string SqlServerWeb = "sql-server-web";

    public static IReadOnlyList<string> Values { get; } = [SqlServerEnterprise, SqlServerStandard, SqlServerWeb, WindowsServerDatacenter];

    /// <summary>The license-included software of an instance with this usage operation (RunInstances:0002 and so on).</summary>
    public static IReadOnlyList<string> FromUsageOperation(string? usageOperation) => usageOperation switch
    {
        "RunInstances:0002" => [WindowsServerDatacenter],
        "RunInstances:0006" => [WindowsServerDatacenter, SqlServerStandard],
        "RunInstances:0102" => [WindowsServerDatacenter, SqlServerEnterprise],
        "RunInstances:0202" => [WindowsServerDatacenter, SqlServerWeb],
        "RunInstances:0004" => [SqlServerStandard],
        "RunInstances:0100" => [SqlServerEnterprise],
        "RunInstances:0200" => [SqlServerWeb],
        _ => [],
    };
}
