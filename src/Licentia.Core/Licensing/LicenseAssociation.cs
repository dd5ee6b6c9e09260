namespace Licentia.Core.Licensing;

/// <summary>
/// A license configuration associated with a resource (an AMI, an instance, a Dedicated Host or a managed server). It
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
    /// <summary>i-…, h-…, ami-… or mi-…</summary>
    public required string ResourceId { get; init; }
    public required string ResourceOwnerId { get; init; }
    /// <summary>For AMI associations: "cross-account" makes it apply to launches by every account the AMI is shared with.</summary>
    public string? AmiAssociationScope { get; init; }
    public required DateTimeOffset AssociatedAt { get; init; }
    /// <summary>Who made it: a caller (or a launch), or automated discovery, which alone may remove its own.</summary>
    public AssociationOrigin Origin { get; init; } = AssociationOrigin.Manual;

    public Scope Scope => new(AccountId, Region);
}

/// <summary>Who made an association.</summary>
public enum AssociationOrigin
{
    /// <summary>UpdateLicenseSpecificationsForResource, or a launch with license specifications.</summary>
    Manual,
    /// <summary>The automated discovery job, because the resource matched the configuration's product information.</summary>
    Discovery,
}

/// <summary>The stored names of <see cref="AssociationOrigin"/>.</summary>
public static class AssociationOriginNames
{
    public const string Manual = "manual";
    public const string Discovery = "discovery";

    public static string ToStored(AssociationOrigin origin) => origin == AssociationOrigin.Discovery ? Discovery : Manual;

    public static AssociationOrigin Parse(string text) => text == Discovery ? AssociationOrigin.Discovery : AssociationOrigin.Manual;
}

/// <summary>The one value AmiAssociationScope takes.</summary>
public static class AmiAssociationScopes
{
    public const string CrossAccount = "cross-account";
}

/// <summary>A license configuration named for a resource: the wire LicenseSpecification.</summary>
public sealed record LicenseSpecification(string LicenseConfigurationArn, string? AmiAssociationScope = null);
