namespace Licentia.Core;

/// <summary>
/// Limits the licensing domain enforces. AWS's documented values are in the comments; the defaults
/// are more generous where a self-hosted server has no reason to copy AWS's account-level limits,
/// and equal where clients may rely on the limit (tags). Call <see cref="Validate"/> at start-up.
/// </summary>
public sealed class LicensingQuotas
{
    /// <summary>License configurations per account and Region. AWS: 25 (adjustable on request).</summary>
    public int LicenseConfigurationsPerScope { get; set; } = 1000;

    /// <summary>License configurations associated with one resource. AWS: 10.</summary>
    public int LicenseConfigurationsPerResource { get; set; } = 25;

    /// <summary>Tags per resource. AWS: 50 (the general AWS tagging limit).</summary>
    public int TagsPerResource { get; set; } = 50;

    /// <summary>Filters in one List request. AWS: not documented; exceeding it is FilterLimitExceededException.</summary>
    public int FiltersPerRequest { get; set; } = 10;

    /// <summary>Values in one filter. AWS: not documented; exceeding it is FilterLimitExceededException.</summary>
    public int ValuesPerFilter { get; set; } = 100;

    /// <summary>ARNs in one ListLicenseConfigurations request. AWS: not documented.</summary>
    public int ArnsPerListRequest { get; set; } = 100;

    /// <summary>Page size when MaxResults is not given. AWS list operations commonly use 100.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>Largest page returned; a larger MaxResults is lowered to this. AWS: MaxSize100 on newer list operations.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>How often an update is tried when another writer changed the configuration meanwhile (not an AWS quota).</summary>
    public int UpdateAttempts { get; set; } = 3;

    /// <summary>Instances one RunInstances may launch. AWS: bounded by the account's vCPU quota, not per call.</summary>
    public int InstancesPerLaunch { get; set; } = 100;

    /// <summary>Dedicated Hosts one AllocateHosts may allocate. AWS: bounded by the per-family host quota.</summary>
    public int HostsPerAllocation { get; set; } = 100;

    /// <summary>
    /// How often a licensing transaction is started over when the configurations it locked changed while it
    /// locked them (a concurrent association). Not an AWS quota.
    /// </summary>
    public int LicensingTransactionAttempts { get; set; } = 5;

    /// <summary>Grants of one seller-issued license that are not rejected, failed or deleted, over every grantor. AWS: 2,000.</summary>
    public int GrantsPerLicense { get; set; } = 2000;

    /// <summary>Entitlements in one license version. AWS: not documented.</summary>
    public int EntitlementsPerLicense { get; set; } = 100;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Positive(LicenseConfigurationsPerScope, nameof(LicenseConfigurationsPerScope));
        Positive(LicenseConfigurationsPerResource, nameof(LicenseConfigurationsPerResource));
        Positive(TagsPerResource, nameof(TagsPerResource));
        Positive(FiltersPerRequest, nameof(FiltersPerRequest));
        Positive(ValuesPerFilter, nameof(ValuesPerFilter));
        Positive(ArnsPerListRequest, nameof(ArnsPerListRequest));
        Positive(DefaultPageSize, nameof(DefaultPageSize));
        Positive(MaxPageSize, nameof(MaxPageSize));
        Positive(UpdateAttempts, nameof(UpdateAttempts));
        Positive(InstancesPerLaunch, nameof(InstancesPerLaunch));
        Positive(HostsPerAllocation, nameof(HostsPerAllocation));
        Positive(LicensingTransactionAttempts, nameof(LicensingTransactionAttempts));
        Positive(GrantsPerLicense, nameof(GrantsPerLicense));
        Positive(EntitlementsPerLicense, nameof(EntitlementsPerLicense));
        if (DefaultPageSize > MaxPageSize)
        {
            throw new InvalidOperationException(
                $"LicensingQuotas.{nameof(DefaultPageSize)} ({DefaultPageSize}) must not exceed {nameof(MaxPageSize)} ({MaxPageSize}).");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new InvalidOperationException($"LicensingQuotas.{name} must be at least 1, not {value}.");
        }
    }
}
