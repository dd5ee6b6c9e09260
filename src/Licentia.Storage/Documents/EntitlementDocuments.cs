using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;

namespace Licentia.Storage.Documents;

/// <summary>
/// Every version of a license, oldest first. Scope, id, ARN, the current version's filter members (beneficiary,
/// SKU, issuer name, fingerprint) and the deletion facts are columns; the versions live only here. Enum values are
/// stored under their AWS wire names.
/// </summary>
internal sealed record LicenseDocument(IReadOnlyList<LicenseVersionDocument> Versions)
{
    public static LicenseDocument From(License license) => new([.. license.Versions.Select(LicenseVersionDocument.From)]);
}

internal sealed record LicenseVersionDocument(
    long Number,
    string Name,
    string ProductName,
    string ProductSku,
    string Beneficiary,
    string IssuerName,
    string SignKey,
    string KeyFingerprint,
    string HomeRegion,
    DateTimeOffset ValidityBegin,
    DateTimeOffset? ValidityEnd,
    IReadOnlyList<EntitlementDocument> Entitlements,
    string RenewType,
    int? ProvisionalMaxTimeToLiveInMinutes,
    bool? BorrowAllowEarlyCheckIn,
    int? BorrowMaxTimeToLiveInMinutes,
    IReadOnlyList<MetadataDocument> Metadata,
    string IssuedStatus,
    bool ResetUsage,
    DateTimeOffset CreatedAt)
{
    public static LicenseVersionDocument From(LicenseVersion v) => new(
        v.Number,
        v.Name,
        v.ProductName,
        v.ProductSku,
        v.Beneficiary,
        v.Issuer.Name,
        v.Issuer.SignKeyArn,
        v.Issuer.KeyFingerprint,
        v.HomeRegion,
        v.Validity.Begin,
        v.Validity.End,
        [.. v.Entitlements.Select(e => new EntitlementDocument(e.Name, e.Value, e.MaxCount, e.Overage, e.Unit, e.AllowCheckIn))],
        RenewTypeNames.ToWire(v.Consumption.RenewType),
        v.Consumption.Provisional?.MaxTimeToLiveInMinutes,
        v.Consumption.Borrow?.AllowEarlyCheckIn,
        v.Consumption.Borrow?.MaxTimeToLiveInMinutes,
        [.. v.Metadata.Select(m => new MetadataDocument(m.Name, m.Value))],
        LicenseStatusNames.ToWire(v.IssuedStatus),
        v.ResetUsage,
        v.CreatedAt);

    public LicenseVersion ToDomain() => new()
    {
        Number = Number,
        Name = Name,
        ProductName = ProductName,
        ProductSku = ProductSku,
        Beneficiary = Beneficiary,
        Issuer = new LicenseIssuer(IssuerName, SignKey, KeyFingerprint),
        HomeRegion = HomeRegion,
        Validity = new LicenseValidity(ValidityBegin, ValidityEnd),
        Entitlements =
        [
            .. Entitlements.Select(e => new Entitlement
            {
                Name = e.Name, Value = e.Value, MaxCount = e.MaxCount, Overage = e.Overage, Unit = e.Unit, AllowCheckIn = e.AllowCheckIn,
            }),
        ],
        Consumption = new ConsumptionConfiguration
        {
            RenewType = RenewTypeNames.TryParse(RenewType, out var renew) ? renew : throw new InvalidOperationException($"Unknown stored renew type '{RenewType}'."),
            Provisional = ProvisionalMaxTimeToLiveInMinutes is { } ttl ? new ProvisionalConfiguration(ttl) : null,
            Borrow = BorrowMaxTimeToLiveInMinutes is { } borrowTtl ? new BorrowConfiguration(BorrowAllowEarlyCheckIn ?? false, borrowTtl) : null,
        },
        Metadata = [.. Metadata.Select(m => new LicenseMetadata(m.Name, m.Value))],
        IssuedStatus = LicenseStatusNames.TryParse(IssuedStatus, out var status) ? status : throw new InvalidOperationException($"Unknown stored license status '{IssuedStatus}'."),
        ResetUsage = ResetUsage,
        CreatedAt = CreatedAt,
    };
}

internal sealed record EntitlementDocument(string Name, string? Value, long? MaxCount, bool Overage, string Unit, bool AllowCheckIn);

internal sealed record MetadataDocument(string Name, string Value);

/// <summary>Every version of a grant, oldest first. Identity, parties, license, current status and version are columns.</summary>
internal sealed record GrantDocument(IReadOnlyList<GrantVersionDocument> Versions)
{
    public static GrantDocument From(Grant grant) => new(
    [
        .. grant.Versions.Select(v => new GrantVersionDocument(
            v.Number,
            v.Name,
            GrantStatusNames.ToWire(v.Status),
            v.StatusReason,
            [.. v.AllowedOperations.Select(GrantOperationNames.ToWire)],
            v.ActivationOverrideBehavior,
            v.CreatedAt)),
    ]);

    public IReadOnlyList<GrantVersion> ToDomain() =>
    [
        .. Versions.Select(v => new GrantVersion
        {
            Number = v.Number,
            Name = v.Name,
            Status = StoredGrantStatus(v.Status),
            StatusReason = v.StatusReason,
            AllowedOperations =
            [
                .. v.AllowedOperations.Select(o => GrantOperationNames.TryParse(o, out var op) ? op : throw new InvalidOperationException($"Unknown stored operation '{o}'.")),
            ],
            ActivationOverrideBehavior = v.ActivationOverrideBehavior,
            CreatedAt = v.CreatedAt,
        }),
    ];

    public static GrantStatus StoredGrantStatus(string stored) =>
        GrantStatusNames.TryParse(stored, out var status) ? status : throw new InvalidOperationException($"Unknown stored grant status '{stored}'.");
}

internal sealed record GrantVersionDocument(
    long Number,
    string Name,
    string Status,
    string? StatusReason,
    IReadOnlyList<string> AllowedOperations,
    string? ActivationOverrideBehavior,
    DateTimeOffset CreatedAt);
