namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// A license configuration as stored. Immutable: changes produce a new instance through the
/// named methods of <c>LicenseConfigurationManager</c>, and the store checks <see cref="Version"/>
/// so that two concurrent updates cannot silently overwrite each other.
/// </summary>
public sealed record LicenseConfiguration
{
    /// <summary>lic-&lt;32 lowercase hex&gt;</summary>
    public required string Id { get; init; }
    public required string Arn { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required LicenseCountingType CountingType { get; init; }
    public long? LicenseCount { get; init; }
    public bool LicenseCountHardLimit { get; init; }
    /// <summary>The rules in their wire form, e.g. "#minimumCores=8", in the order given.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
    public LicenseConfigurationStatus Status { get; init; } = LicenseConfigurationStatus.Available;
    public bool DisassociateWhenNotFound { get; init; }
    public IReadOnlyList<ProductInformation> ProductInformation { get; init; } = [];
    public long? LicenseExpiry { get; init; }
    /// <summary>Set by the usage engine when consumption passes a soft limit.</summary>
    public bool UsageLimitExceeded { get; init; }
    public DateTimeOffset? DiscoveryLastRunTime { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Optimistic-concurrency version: 1 on creation, +1 on every stored update.</summary>
    public long Version { get; init; } = 1;

    public Scope Scope => new(AccountId, Region);
}
