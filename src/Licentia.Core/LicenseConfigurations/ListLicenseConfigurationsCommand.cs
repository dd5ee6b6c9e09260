namespace Licentia.Core.LicenseConfigurations;

/// <summary>The members of ListLicenseConfigurations. <see cref="After"/> is the store cursor the wire token wraps.</summary>
public sealed record ListLicenseConfigurationsCommand
{
    public IReadOnlyList<string>? LicenseConfigurationArns { get; init; }
    public IReadOnlyList<ListFilter>? Filters { get; init; }
    public int? MaxResults { get; init; }
    public string? After { get; init; }
}

/// <summary>A wire filter: a name and the values any of which may match.</summary>
public sealed record ListFilter(string Name, IReadOnlyList<string> Values);
