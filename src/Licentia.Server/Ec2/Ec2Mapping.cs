using System.Globalization;
using Licentia.Core.Compute;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.InstanceTypes;
using Licentia.Core.Compute.LaunchTemplates;
using Dto = Licentia.Aws.Ec2;

namespace Licentia.Server.Ec2;

/// <summary>Between the generated EC2 wire shapes and the core's records; no rules here.</summary>
internal static class Ec2Mapping
{
    public const string DryRunMessage = "Request would have succeeded, but DryRun flag is set.";

    /// <summary>
    /// EC2's usage operation codes and the platform each bills as (the AMI billing information fields of the EC2
    /// documentation). RegisterImage takes one of these codes in BillingProducts to register an image of that
    /// platform; EC2 derives them from the image's billing products.
    /// </summary>
    private static readonly Dictionary<string, string> PlatformOfUsageOperation = new(StringComparer.Ordinal)
    {
        ["RunInstances"] = "Linux/UNIX",
        ["RunInstances:0002"] = "Windows",
        ["RunInstances:0800"] = "Windows BYOL",
        ["RunInstances:0006"] = "Windows with SQL Server Standard",
        ["RunInstances:0102"] = "Windows with SQL Server Enterprise",
        ["RunInstances:0202"] = "Windows with SQL Server Web",
        ["RunInstances:0010"] = "Red Hat Enterprise Linux",
        ["RunInstances:00g0"] = "Red Hat BYOL Linux",
        ["RunInstances:000g"] = "SUSE Linux",
        ["RunInstances:0100"] = "Linux with SQL Server Enterprise",
        ["RunInstances:0004"] = "Linux with SQL Server Standard",
    };

    public static string? UsageOperationOf(List<string>? billingProducts) =>
        billingProducts?.FirstOrDefault(PlatformOfUsageOperation.ContainsKey);

    public static string? PlatformDetailsOf(List<string>? billingProducts) =>
        UsageOperationOf(billingProducts) is { } code ? PlatformOfUsageOperation[code] : null;

    public static List<Ec2Filter>? ToFilters(List<Dto.Filter>? filters) =>
        filters?.Select(f => new Ec2Filter(f.Name ?? "", f.Values ?? [])).ToList();

    public static Placement? ToPlacement(Dto.Placement? placement) =>
        placement is null ? null : new Placement
        {
            AvailabilityZone = placement.AvailabilityZone,
            Tenancy = PlacementNames.ParseTenancy(placement.Tenancy),
            HostId = placement.HostId,
            Affinity = PlacementNames.ParseAffinity(placement.Affinity),
            HostResourceGroupArn = placement.HostResourceGroupArn,
        };

    /// <summary>CPU options as given; a member left out is 0, which the core refuses with the valid range.</summary>
    public static CpuOptions? ToCpuOptions(int? coreCount, int? threadsPerCore, bool given) =>
        given ? new CpuOptions(coreCount ?? 0, threadsPerCore ?? 0) : null;

    public static LaunchTemplateData ToLaunchTemplateData(Dto.RequestLaunchTemplateData data) => new()
    {
        ImageId = data.ImageId,
        InstanceType = data.InstanceType,
        Placement = data.Placement is { } p
            ? new Placement
            {
                AvailabilityZone = p.AvailabilityZone,
                Tenancy = PlacementNames.ParseTenancy(p.Tenancy),
                HostId = p.HostId,
                Affinity = PlacementNames.ParseAffinity(p.Affinity),
                HostResourceGroupArn = p.HostResourceGroupArn,
            }
            : null,
        CpuOptions = ToCpuOptions(data.CpuOptions?.CoreCount, data.CpuOptions?.ThreadsPerCore, data.CpuOptions is not null),
        LicenseConfigurationArns = [.. (data.LicenseSpecifications ?? []).Select(l => l.LicenseConfigurationArn ?? "")],
    };

    public static Dto.Image ToDto(Ec2Image image) => new()
    {
        ImageId = image.Id,
        ImageLocation = $"{image.AccountId}/{image.Name}",
        State = ImageStateNames.ToWire(image.State),
        OwnerId = image.AccountId,
        CreationDate = Timestamp(image.CreatedAt),
        Public = image.Public,
        Architecture = image.Architecture,
        ImageType = "machine",
        Name = image.Name,
        Description = image.Description,
        RootDeviceName = image.RootDeviceName,
        RootDeviceType = "ebs",
        VirtualizationType = "hvm",
        Hypervisor = "xen",
        EnaSupport = true,
        Platform = IsWindows(image.PlatformDetails) ? "windows" : null,
        PlatformDetails = image.PlatformDetails,
        UsageOperation = image.UsageOperation,
        BlockDeviceMappings = [],
        Tags = [],
    };

    /// <summary>Instances in launch order, grouped into their reservations as DescribeInstances returns them.</summary>
    public static List<Dto.Reservation> ToReservations(IReadOnlyList<Ec2Instance> instances, InstanceTypeCatalog catalog)
    {
        var reservations = new List<Dto.Reservation>();
        foreach (var group in instances.GroupBy(i => i.ReservationId, StringComparer.Ordinal))
        {
            var first = group.First();
            reservations.Add(new Dto.Reservation
            {
                ReservationId = group.Key,
                OwnerId = first.AccountId,
                Groups = [],
                Instances = [.. group.Select((instance, index) => ToDto(instance, index, catalog))],
            });
        }

        return reservations;
    }

    public static Dto.Instance ToDto(Ec2Instance instance, int launchIndex, InstanceTypeCatalog catalog)
    {
        var type = catalog.FindInstanceType(instance.InstanceType);
        var placement = instance.Placement;
        return new Dto.Instance
        {
            InstanceId = instance.Id,
            ImageId = instance.ImageId,
            InstanceType = instance.InstanceType,
            State = ToDto(instance.State),
            StateTransitionReason = instance.StateTransitionReason,
            LaunchTime = instance.LaunchTime,
            AmiLaunchIndex = launchIndex,
            Placement = new Dto.Placement
            {
                AvailabilityZone = placement.AvailabilityZone,
                Tenancy = PlacementNames.ToWire(placement.Tenancy),
                HostId = placement.HostId,
                Affinity = placement.Tenancy == Tenancy.Host ? PlacementNames.ToWire(placement.Affinity) : null,
                HostResourceGroupArn = placement.HostResourceGroupArn,
                GroupName = "",
            },
            CpuOptions = instance.CpuOptions is { } cpu
                ? new Dto.CpuOptions { CoreCount = cpu.CoreCount, ThreadsPerCore = cpu.ThreadsPerCore }
                : type is null ? null : new Dto.CpuOptions { CoreCount = type.DefaultCores, ThreadsPerCore = type.DefaultThreadsPerCore },
            Licenses = [.. instance.Licenses.Select(arn => new Dto.LicenseConfiguration { LicenseConfigurationArn = arn })],
            Platform = IsWindows(instance.PlatformDetails) ? "windows" : null,
            PlatformDetails = instance.PlatformDetails,
            UsageOperation = instance.UsageOperation,
            UsageOperationUpdateTime = instance.UsageOperationUpdateTime,
            Monitoring = new Dto.Monitoring { State = "disabled" },
            RootDeviceType = "ebs",
            VirtualizationType = "hvm",
            Hypervisor = "xen",
            Architecture = "x86_64",
            PrivateDnsName = "",
            PublicDnsName = "",
            ProductCodes = [],
            BlockDeviceMappings = [],
            SecurityGroups = [],
            NetworkInterfaces = [],
            Tags = [],
        };
    }

    public static Dto.InstanceState ToDto(InstanceState state) => new() { Code = (int)state, Name = InstanceStateNames.ToWire(state) };

    public static List<Dto.InstanceStateChange> ToDto(IReadOnlyList<InstanceStateChange> changes) =>
        [.. changes.Select(c => new Dto.InstanceStateChange
        {
            InstanceId = c.InstanceId,
            PreviousState = ToDto(c.PreviousState),
            CurrentState = ToDto(c.CurrentState),
        })];

    public static Dto.Host ToDto(HostDescription description)
    {
        var host = description.Host;
        return new Dto.Host
        {
            HostId = host.Id,
            OwnerId = host.AccountId,
            AvailabilityZone = host.AvailabilityZone,
            State = HostStateNames.ToWire(host.State),
            AutoPlacement = OnOff(host.AutoPlacement),
            HostRecovery = OnOff(host.HostRecovery),
            AllowsMultipleInstanceTypes = OnOff(host.InstanceType is null),
            AllocationTime = host.AllocationTime,
            ReleaseTime = host.ReleaseTime,
            HostProperties = new Dto.HostProperties
            {
                Cores = host.PhysicalCores,
                Sockets = host.Sockets,
                TotalVCpus = host.TotalVCpus,
                InstanceFamily = host.InstanceFamily,
                InstanceType = host.InstanceType,
            },
            AvailableCapacity = new Dto.AvailableCapacity { AvailableVCpus = description.AvailableVCpus, AvailableInstanceCapacity = [] },
            Instances = [.. description.InstanceIds.Select(id => new Dto.HostInstance { InstanceId = id, OwnerId = host.AccountId })],
            MemberOfServiceLinkedResourceGroup = false,
            Tags = [],
        };
    }

    public static Dto.LaunchTemplate ToDto(LaunchTemplate template) => new()
    {
        LaunchTemplateId = template.Id,
        LaunchTemplateName = template.Name,
        CreateTime = template.CreatedAt,
        CreatedBy = template.CreatedBy,
        DefaultVersionNumber = template.DefaultVersionNumber,
        LatestVersionNumber = template.LatestVersionNumber,
        Tags = [],
    };

    private static string OnOff(bool on) => on ? "on" : "off";

    private static bool IsWindows(string platformDetails) => platformDetails.StartsWith("Windows", StringComparison.Ordinal);

    private static string Timestamp(DateTimeOffset when) =>
        when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
