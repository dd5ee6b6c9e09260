namespace Licentia.Core.Licensing;

/// <summary>
/// A license configuration associated with a resource (an AMI, an instance or a Dedicated Host). It
/// belongs to the configuration's scope; the resource may belong to another account (an instance
/// launched by another account from a cross-account AMI association).
/// </summary>
public sealed record LicenseAssociation
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string LicenseConfigurationId { get; init; }
    public required string LicenseConfigurationArn { get; init; }
    public required string ResourceArn { get; init; }
    public required LicenseResourceType ResourceType { get; init; }
    /// <summary>i-…, h-… or ami-…</summary>
    public required string ResourceId { get; init; }
    public required string ResourceOwnerId { get; init; }
    /// <summary>For AMI associations: "cross-account" makes it apply to launches by every account the AMI is shared with.</summary>
    public string? AmiAssociationScope { get; init; }
    public required DateTimeOffset AssociatedAt { get; init; }

    public Scope Scope => new(AccountId, Region);
}

/// <summary>The one value AmiAssociationScope takes.</summary>
public static class AmiAssociationScopes
{
    public const string CrossAccount = "cross-account";
}

/// <summary>A license configuration named for a resource: the wire LicenseSpecification.</summary>
public sealed record LicenseSpecification(string LicenseConfigurationArn, string? AmiAssociationScope = null);
