namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// One immutable version of a license: what CreateLicense or CreateLicenseVersion set. Versions are numbered
/// 1, 2, 3, … (the wire shows them as strings "1", "2", …) and never change once stored.
/// </summary>
public sealed record LicenseVersion
{
    public required long Number { get; init; }
    public required string Name { get; init; }
    public required string ProductName { get; init; }
    /// <summary>Set at creation; CreateLicenseVersion has no member to change it.</summary>
    public required string ProductSku { get; init; }
    /// <summary>Set at creation; CreateLicenseVersion has no member to change it.</summary>
    public required string Beneficiary { get; init; }
    public required LicenseIssuer Issuer { get; init; }
    public required string HomeRegion { get; init; }
    public required LicenseValidity Validity { get; init; }
    public required IReadOnlyList<Entitlement> Entitlements { get; init; }
    public required ConsumptionConfiguration Consumption { get; init; }
    public IReadOnlyList<LicenseMetadata> Metadata { get; init; } = [];
    /// <summary>The status the issuer set: Available, Deactivated or Suspended. The shown status is derived (see <see cref="LicenseStatusRules"/>).</summary>
    public LicenseStatus IssuedStatus { get; init; } = LicenseStatus.Available;
    /// <summary>CreateLicenseVersion's ResetUsage: consumption counted against earlier versions starts from zero at this one.</summary>
    public bool ResetUsage { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public Entitlement? FindEntitlement(string name) => Entitlements.FirstOrDefault(e => e.Name == name);
}

/// <summary>The seller: a name, the KMS key that signs its tokens, and the fingerprint derived from both.</summary>
/// <param name="KeyFingerprint"><c>aws:&lt;issuer account&gt;:&lt;issuer name&gt;:issuer-fingerprint</c>.</param>
public sealed record LicenseIssuer(string Name, string SignKeyArn, string KeyFingerprint)
{
    public static string Fingerprint(string accountId, string issuerName) => $"aws:{accountId}:{issuerName}:issuer-fingerprint";
}

/// <summary>When the license is valid: from <see cref="Begin"/>, until <see cref="End"/> (exclusive) if given.</summary>
public sealed record LicenseValidity(DateTimeOffset Begin, DateTimeOffset? End);

public sealed record LicenseMetadata(string Name, string Value);
