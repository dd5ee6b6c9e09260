using Licentia.Core;
using Licentia.Core.Compute;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.Licensing;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>Builders of EC2 and licensing rows for the contract tests.</summary>
internal static class ComputeTestData
{
    public static string Hex17() => Guid.NewGuid().ToString("N")[..17];

    public static Ec2Image Image(Scope owner, string? name = null) => new()
    {
        Id = "ami-" + Hex17(),
        AccountId = owner.AccountId,
        Region = owner.Region,
        Name = name ?? "image-" + Hex17(),
        Description = "Windows Server – ünïcødé",
        RootDeviceName = "/dev/sda1",
        PlatformDetails = "Windows",
        UsageOperation = "RunInstances:0002",
        UsageOperationUpdateTime = T0,
        CreatedAt = T0,
    };

    public static Ec2Instance Instance(Scope scope, string? hostId = null, InstanceState state = InstanceState.Running, string type = "m5.large") => new()
    {
        Id = "i-" + Hex17(),
        AccountId = scope.AccountId,
        Region = scope.Region,
        ReservationId = "r-" + Hex17(),
        ImageId = "ami-" + Hex17(),
        InstanceType = type,
        Placement = hostId is null
            ? new Placement { AvailabilityZone = scope.Region + "a" }
            : new Placement { AvailabilityZone = scope.Region + "a", Tenancy = Tenancy.Host, HostId = hostId, Affinity = HostAffinity.Host, HostResourceGroupArn = "arn:aws:resource-groups:us-east-1:123456789012:group/hosts" },
        CpuOptions = new CpuOptions(1, 1),
        State = state,
        StateTransitionReason = "User initiated",
        LaunchTime = T0,
        Licenses = ["arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef"],
        PlatformDetails = "Linux/UNIX",
        UsageOperation = "RunInstances",
        UsageOperationUpdateTime = T0,
        LaunchTemplateId = "lt-" + Hex17(),
    };

    public static DedicatedHost Host(Scope scope, string family = "m5", bool autoPlacement = true) => new()
    {
        Id = "h-" + Hex17(),
        AccountId = scope.AccountId,
        Region = scope.Region,
        AvailabilityZone = scope.Region + "a",
        InstanceFamily = family,
        Sockets = 2,
        PhysicalCores = 48,
        TotalVCpus = 96,
        AutoPlacement = autoPlacement,
        HostRecovery = true,
        AllocationTime = T0,
    };

    public static LaunchTemplate Template(Scope scope, string? name = null) => new()
    {
        Id = "lt-" + Hex17(),
        AccountId = scope.AccountId,
        Region = scope.Region,
        Name = name ?? "template-" + Hex17(),
        CreatedAt = T0,
        CreatedBy = $"arn:aws:iam::{scope.AccountId}:root",
        Versions =
        [
            new LaunchTemplateVersion(1, "first", T0, new LaunchTemplateData
            {
                ImageId = "ami-" + Hex17(),
                InstanceType = "m5.large",
                Placement = new Placement { Tenancy = Tenancy.Host, Affinity = HostAffinity.Host },
                CpuOptions = new CpuOptions(1, 2),
                LicenseConfigurationArns = ["arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef"],
            }),
        ],
    };

    public static LicenseAssociation Association(Scope configScope, string configurationId, string resourceArn, string owner,
        LicenseResourceType type = LicenseResourceType.Ec2Instance, string? amiScope = null) => new()
    {
        AccountId = configScope.AccountId,
        Region = configScope.Region,
        LicenseConfigurationId = configurationId,
        LicenseConfigurationArn = $"arn:aws:license-manager:{configScope.Region}:{configScope.AccountId}:license-configuration:{configurationId}",
        ResourceArn = resourceArn,
        ResourceType = type,
        ResourceId = resourceArn[(resourceArn.LastIndexOf('/') + 1)..],
        ResourceOwnerId = owner,
        AmiAssociationScope = amiScope,
        AssociatedAt = T0,
    };

    public static LicenseUsage Usage(Scope configScope, string configurationId, string resourceArn, string owner, long consumed,
        LicenseResourceType type = LicenseResourceType.Ec2Instance, string? hostId = null, DateTimeOffset? releasedAt = null) => new()
    {
        AccountId = configScope.AccountId,
        Region = configScope.Region,
        LicenseConfigurationId = configurationId,
        ResourceArn = resourceArn,
        ResourceType = type,
        ResourceId = resourceArn[(resourceArn.LastIndexOf('/') + 1)..],
        ResourceOwnerId = owner,
        HostId = hostId,
        Consumed = consumed,
        ResourceStatus = "running",
        ConsumedAt = T0,
        ReleasedAt = releasedAt,
    };

    public static LicenseOperationFailure Failure(Scope scope, string configurationId, string message) => new()
    {
        AccountId = scope.AccountId,
        Region = scope.Region,
        LicenseConfigurationId = configurationId,
        ResourceArn = Ec2Ids.InstanceArn(scope, "i-" + Hex17()),
        ResourceType = LicenseResourceType.Ec2Instance,
        ResourceOwnerId = scope.AccountId,
        ErrorMessage = message,
        FailureTime = T0,
        OperationName = "RunInstances",
        OperationRequestedBy = scope.AccountId,
        Metadata = [new FailureMetadata("Outcome", "Refused")],
    };
}
