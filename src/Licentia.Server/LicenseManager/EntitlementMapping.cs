using System.Globalization;
using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.LicenseConfigurations;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

/// <summary>Between the generated wire shapes and the core's licenses and grants; no rules here.</summary>
internal static class EntitlementMapping
{
    public static LicenseContent ToContent(
        string? name, string? productName, Dto.Issuer? issuer, string? homeRegion, Dto.DatetimeRange? validity,
        List<Dto.Entitlement>? entitlements, Dto.ConsumptionConfiguration? consumption, List<Dto.Metadata>? metadata) => new()
    {
        LicenseName = name ?? "",
        ProductName = productName ?? "",
        IssuerName = issuer?.Name ?? "",
        IssuerSignKey = issuer?.SignKey,
        HomeRegion = homeRegion ?? "",
        ValidityBegin = validity?.Begin ?? "",
        ValidityEnd = validity?.End,
        Entitlements = [.. (entitlements ?? []).Select(e => new Entitlement
        {
            Name = e.Name ?? "",
            Value = e.Value,
            MaxCount = e.MaxCount,
            Overage = e.Overage ?? false,
            Unit = e.Unit ?? "",
            AllowCheckIn = e.AllowCheckIn ?? false,
        })],
        Consumption = new ConsumptionConfiguration
        {
            RenewType = consumption?.RenewType is { } renew ? RenewTypeNames.Parse(renew) : RenewType.None,
            Provisional = consumption?.ProvisionalConfiguration is { } p ? new ProvisionalConfiguration(p.MaxTimeToLiveInMinutes ?? 0) : null,
            Borrow = consumption?.BorrowConfiguration is { } b ? new BorrowConfiguration(b.AllowEarlyCheckIn ?? false, b.MaxTimeToLiveInMinutes ?? 0) : null,
        },
        Metadata = metadata?.Select(m => new LicenseMetadata(m.Name ?? "", m.Value ?? "")).ToList(),
    };


    public static Dto.License ToDto(LicenseView view)
    {
        var (license, version, status) = view;
        return new Dto.License
        {
            LicenseArn = license.Arn,
            LicenseName = version.Name,
            ProductName = version.ProductName,
            ProductSKU = version.ProductSku,
            Issuer = Issuer(version),
            HomeRegion = version.HomeRegion,
            Status = LicenseStatusNames.ToWire(status),
            Validity = Validity(version),
            Beneficiary = version.Beneficiary,
            Entitlements = Entitlements(version),
            ConsumptionConfiguration = Consumption(version),
            LicenseMetadata = Metadata(version),
            CreateTime = Instant(version.CreatedAt),
            Version = Number(version.Number),
        };
    }

    public static Dto.GrantedLicense ToDto(ReceivedLicense received)
    {
        var (license, version, status) = received.View;
        return new Dto.GrantedLicense
        {
            LicenseArn = license.Arn,
            LicenseName = version.Name,
            ProductName = version.ProductName,
            ProductSKU = version.ProductSku,
            Issuer = Issuer(version),
            HomeRegion = version.HomeRegion,
            Status = LicenseStatusNames.ToWire(status),
            Validity = Validity(version),
            Beneficiary = version.Beneficiary,
            Entitlements = Entitlements(version),
            ConsumptionConfiguration = Consumption(version),
            LicenseMetadata = Metadata(version),
            CreateTime = Instant(version.CreatedAt),
            Version = Number(version.Number),
            ReceivedMetadata = new Dto.ReceivedMetadata
            {
                ReceivedStatus = GrantStatusNames.ToWire(received.Received.ReceivedStatus),
                ReceivedStatusReason = received.Received.ReceivedStatusReason,
                AllowedOperations = Operations(received.Received.AllowedOperations),
            },
        };
    }

    public static Dto.Grant ToDto(Grant grant, GrantVersion version) => new()
    {
        GrantArn = grant.Arn,
        GrantName = version.Name,
        ParentArn = grant.ParentArn,
        LicenseArn = grant.LicenseArn,
        GranteePrincipalArn = grant.GranteePrincipalArn,
        HomeRegion = grant.Region,
        GrantStatus = GrantStatusNames.ToWire(version.Status),
        StatusReason = version.StatusReason,
        Version = Number(version.Number),
        GrantedOperations = Operations(version.AllowedOperations),
        Options = version.ActivationOverrideBehavior is { } behavior ? new Dto.Options { ActivationOverrideBehavior = behavior } : null,
    };

    public static string Number(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC, as the model's ISO8601DateTime: whole seconds unless the instant has a fraction.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    public static List<string> Operations(IReadOnlyList<GrantOperation> operations) => [.. operations.Select(GrantOperationNames.ToWire)];

    private static Dto.IssuerDetails Issuer(LicenseVersion v) =>
        new() { Name = v.Issuer.Name, SignKey = v.Issuer.SignKeyArn, KeyFingerprint = v.Issuer.KeyFingerprint };

    private static Dto.DatetimeRange Validity(LicenseVersion v) =>
        new() { Begin = Instant(v.Validity.Begin), End = v.Validity.End is { } end ? Instant(end) : null };

    private static List<Dto.Entitlement> Entitlements(LicenseVersion v) =>
    [
        .. v.Entitlements.Select(e => new Dto.Entitlement
        {
            Name = e.Name,
            Value = e.Value,
            MaxCount = e.MaxCount,
            Overage = e.IsUnlimited ? null : e.Overage,
            Unit = e.Unit,
            AllowCheckIn = e.AllowCheckIn,
        }),
    ];

    private static Dto.ConsumptionConfiguration Consumption(LicenseVersion v) => new()
    {
        RenewType = RenewTypeNames.ToWire(v.Consumption.RenewType),
        ProvisionalConfiguration = v.Consumption.Provisional is { } p ? new Dto.ProvisionalConfiguration { MaxTimeToLiveInMinutes = p.MaxTimeToLiveInMinutes } : null,
        BorrowConfiguration = v.Consumption.Borrow is { } b
            ? new Dto.BorrowConfiguration { AllowEarlyCheckIn = b.AllowEarlyCheckIn, MaxTimeToLiveInMinutes = b.MaxTimeToLiveInMinutes }
            : null,
    };

    private static List<Dto.Metadata> Metadata(LicenseVersion v) => [.. v.Metadata.Select(m => new Dto.Metadata { Name = m.Name, Value = m.Value })];
}
