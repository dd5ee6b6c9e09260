namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// The members of UpdateLicenseConfiguration. A null member is left as it is; an empty list (rules,
/// product information) clears it. The counting type cannot change, as in the AWS API.
/// </summary>
public sealed record UpdateLicenseConfigurationCommand
{
    public required string LicenseConfigurationArn { get; init; }
    public LicenseConfigurationStatus? Status { get; init; }
    public IReadOnlyList<string>? LicenseRules { get; init; }
    public long? LicenseCount { get; init; }
    public bool? LicenseCountHardLimit { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<ProductInformation>? ProductInformationList { get; init; }
    public bool? DisassociateWhenNotFound { get; init; }
    public long? LicenseExpiry { get; init; }
}
