using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.Licensing;

namespace Licentia.Storage.Documents;

/// <summary>The parts of an image no query filters on.</summary>
internal sealed record ImageDocument(
    string? Description,
    string Architecture,
    string? RootDeviceName,
    DateTimeOffset UsageOperationUpdateTime,
    DateTimeOffset? DeregisteredAt);

/// <summary>The parts of an instance no query filters on. Enum values under their EC2 wire names.</summary>
internal sealed record InstanceDocument(
    string ReservationId,
    string? AvailabilityZone,
    string Affinity,
    string? HostResourceGroupArn,
    int? CoreCount,
    int? ThreadsPerCore,
    string StateTransitionReason,
    IReadOnlyList<string> Licenses,
    string PlatformDetails,
    string UsageOperation,
    DateTimeOffset UsageOperationUpdateTime,
    string? LaunchTemplateId);

internal sealed record HostDocument(int Sockets, int PhysicalCores, int TotalVCpus, bool HostRecovery, DateTimeOffset? ReleaseTime);

internal sealed record LaunchTemplateDocument(string CreatedBy, long DefaultVersionNumber, IReadOnlyList<LaunchTemplateVersionDocument> Versions)
{
    public static LaunchTemplateDocument From(LaunchTemplate t) => new(
        t.CreatedBy,
        t.DefaultVersionNumber,
        [.. t.Versions.Select(v => new LaunchTemplateVersionDocument(
            v.VersionNumber,
            v.VersionDescription,
            v.CreatedAt,
            v.Data.ImageId,
            v.Data.InstanceType,
            v.Data.Placement is { } p ? PlacementDocument.From(p) : null,
            v.Data.CpuOptions?.CoreCount,
            v.Data.CpuOptions?.ThreadsPerCore,
            v.Data.LicenseConfigurationArns))]);

    public IReadOnlyList<LaunchTemplateVersion> ToVersions() =>
    [
        .. Versions.Select(v => new LaunchTemplateVersion(v.VersionNumber, v.VersionDescription, v.CreatedAt, new LaunchTemplateData
        {
            ImageId = v.ImageId,
            InstanceType = v.InstanceType,
            Placement = v.Placement?.ToDomain(),
            CpuOptions = v.CoreCount is { } cores && v.ThreadsPerCore is { } threads ? new CpuOptions(cores, threads) : null,
            LicenseConfigurationArns = v.LicenseConfigurationArns,
        })),
    ];
}

internal sealed record LaunchTemplateVersionDocument(
    long VersionNumber,
    string? VersionDescription,
    DateTimeOffset CreatedAt,
    string? ImageId,
    string? InstanceType,
    PlacementDocument? Placement,
    int? CoreCount,
    int? ThreadsPerCore,
    IReadOnlyList<string> LicenseConfigurationArns);

internal sealed record PlacementDocument(string? AvailabilityZone, string Tenancy, string? HostId, string Affinity, string? HostResourceGroupArn)
{
    public static PlacementDocument From(Placement p) => new(
        p.AvailabilityZone, PlacementNames.ToWire(p.Tenancy), p.HostId, PlacementNames.ToWire(p.Affinity), p.HostResourceGroupArn);

    public Placement ToDomain() => new()
    {
        AvailabilityZone = AvailabilityZone,
        Tenancy = PlacementNames.ParseTenancy(Tenancy),
        HostId = HostId,
        Affinity = PlacementNames.ParseAffinity(Affinity),
        HostResourceGroupArn = HostResourceGroupArn,
    };
}

internal sealed record FailureDocument(string ErrorMessage, IReadOnlyList<FailureMetadataDocument> Metadata)
{
    public static FailureDocument From(LicenseOperationFailure f) =>
        new(f.ErrorMessage, [.. f.Metadata.Select(m => new FailureMetadataDocument(m.Name, m.Value))]);
}

internal sealed record FailureMetadataDocument(string Name, string Value);
