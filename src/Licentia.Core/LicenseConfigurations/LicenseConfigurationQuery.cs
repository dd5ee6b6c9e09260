namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// Filters of ListLicenseConfigurations. A null member does not filter; several values of one
/// member match any of them. Results come in creation order.
/// </summary>
public sealed record LicenseConfigurationQuery
{
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<LicenseCountingType>? CountingTypes { get; init; }
    public bool? HardLimit { get; init; }
    public bool? UsageLimitExceeded { get; init; }
    public int Limit { get; init; } = 100;
    /// <summary>The <c>NextCursor</c> of the previous page, or null for the first page.</summary>
    public string? After { get; init; }
}
