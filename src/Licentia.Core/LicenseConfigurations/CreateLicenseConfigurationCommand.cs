using Licentia.Core.Tagging;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>The members of CreateLicenseConfiguration, already mapped from the wire (counting type parsed).</summary>
public sealed record CreateLicenseConfigurationCommand
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required LicenseCountingType CountingType { get; init; }
    public long? LicenseCount { get; init; }
    public bool? LicenseCountHardLimit { get; init; }
    public IReadOnlyList<string>? LicenseRules { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public bool? DisassociateWhenNotFound { get; init; }
    public IReadOnlyList<ProductInformation>? ProductInformationList { get; init; }
    public long? LicenseExpiry { get; init; }
}
