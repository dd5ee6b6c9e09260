namespace Licentia.Core.Entitlements.Licenses;

/// <summary>
/// Filters of license listings. A null member does not filter; several values match any of them; an empty list
/// matches nothing. Licenses whose deletion date is at or before <see cref="At"/> are never returned (they are
/// gone); <see cref="Statuses"/> is matched against the status derived at <see cref="At"/>.
/// </summary>
public sealed record LicenseQuery
{
    public required DateTimeOffset At { get; init; }
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<string>? Beneficiaries { get; init; }
    public IReadOnlyList<string>? ProductSkus { get; init; }
    public IReadOnlyList<string>? Fingerprints { get; init; }
    public IReadOnlyList<string>? IssuerNames { get; init; }
    public IReadOnlyList<LicenseStatus>? Statuses { get; init; }
    public int Limit { get; init; } = 100;
    public string? After { get; init; }
}
