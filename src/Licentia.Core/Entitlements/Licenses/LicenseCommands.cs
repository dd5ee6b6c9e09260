using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tagging;

namespace Licentia.Core.Entitlements.Licenses;

/// <summary>The members a license version is made of, as given on the wire (instants still text, so the rules can name them).</summary>
public sealed record LicenseContent
{
    public required string LicenseName { get; init; }
    public required string ProductName { get; init; }
    public required string IssuerName { get; init; }
    public string? IssuerSignKey { get; init; }
    public required string HomeRegion { get; init; }
    public required string ValidityBegin { get; init; }
    public string? ValidityEnd { get; init; }
    public required IReadOnlyList<Entitlement> Entitlements { get; init; }
    public required ConsumptionConfiguration Consumption { get; init; }
    public IReadOnlyList<LicenseMetadata>? Metadata { get; init; }
}

/// <summary>CreateLicense.</summary>
public sealed record CreateLicenseCommand
{
    public required LicenseContent Content { get; init; }
    public required string ProductSku { get; init; }
    public required string Beneficiary { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>CreateLicenseVersion. <see cref="SourceVersion"/>, when given, must be the current version.</summary>
public sealed record CreateLicenseVersionCommand
{
    public required string LicenseArn { get; init; }
    public required LicenseContent Content { get; init; }
    public required LicenseStatus Status { get; init; }
    public string? SourceVersion { get; init; }
    public bool ResetUsage { get; init; }
}

/// <summary>ListLicenses and ListReceivedLicenses. <see cref="After"/> is the store cursor the wire token wraps.</summary>
public sealed record ListLicensesCommand
{
    public IReadOnlyList<string>? LicenseArns { get; init; }
    public IReadOnlyList<ListFilter>? Filters { get; init; }
    public int? MaxResults { get; init; }
    public string? After { get; init; }
}

/// <summary>What DeleteLicense answers: PENDING_DELETE, and when the license will be gone.</summary>
public sealed record LicenseDeletion(LicenseStatus Status, DateTimeOffset DeletionDate);
