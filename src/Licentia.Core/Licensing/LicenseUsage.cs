namespace Licentia.Core.Licensing;

/// <summary>
/// Licenses a resource holds from a configuration. For vCPU and Instance counting the resource is an
/// instance; for Core and Socket counting the host holds the licenses (one row per host, however many
/// instances) and each instance on it has a row with <see cref="Consumed"/> 0 that says it is there.
/// A host row whose last instance left gets <see cref="ReleasedAt"/>; under #licenseAffinityToHost it
/// still counts until the affinity period after that instant has passed.
/// </summary>
public sealed record LicenseUsage
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string LicenseConfigurationId { get; init; }
    public required string ResourceArn { get; init; }
    public required LicenseResourceType ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public required string ResourceOwnerId { get; init; }
    /// <summary>The Dedicated Host an instance row runs on, or the host of a host row.</summary>
    public string? HostId { get; init; }
    public required long Consumed { get; init; }
    /// <summary>The resource's state when it began consuming (e.g. running, available).</summary>
    public required string ResourceStatus { get; init; }
    public required DateTimeOffset ConsumedAt { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }

    public Scope Scope => new(AccountId, Region);

    /// <summary>Whether the row counts at <paramref name="now"/> given the configuration's affinity period.</summary>
    public bool CountsAt(DateTimeOffset now, int? affinityDays) =>
        ReleasedAt is not { } released || (affinityDays is { } days && released.AddDays(days) > now);
}

/// <summary>
/// The filters of ListUsageForLicenseConfiguration. <see cref="HeldAfter"/>: rows released after this
/// instant still count (affinity); rows released earlier are not listed.
/// </summary>
public sealed record LicenseUsageQuery
{
    public IReadOnlyList<string>? ResourceArns { get; init; }
    public IReadOnlyList<LicenseResourceType>? ResourceTypes { get; init; }
    public IReadOnlyList<string>? ResourceOwnerIds { get; init; }
    public required DateTimeOffset HeldAfter { get; init; }
    public int Limit { get; init; } = 100;
    public string? After { get; init; }
}

/// <summary>A total per resource type: consumed licenses or associated resources.</summary>
public sealed record ResourceTypeCount(LicenseResourceType ResourceType, long Count);

/// <summary>The consumption members of GetLicenseConfiguration.</summary>
public sealed record LicenseConsumption(
    long ConsumedLicenses,
    IReadOnlyList<ResourceTypeCount> ConsumedLicenseSummaryList,
    IReadOnlyList<ResourceTypeCount> ManagedResourceSummaryList);
