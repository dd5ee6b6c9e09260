namespace Licentia.Core.Entitlements.Grants;

/// <summary>
/// Filters of grant listings. A null member does not filter; several values match any of them; an empty list
/// matches nothing. <see cref="ProductSkus"/> and <see cref="IssuerNames"/> match the granted license's current
/// version. Results come in creation order.
/// </summary>
public sealed record GrantQuery
{
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<string>? LicenseArns { get; init; }
    public IReadOnlyList<GrantStatus>? Statuses { get; init; }
    public IReadOnlyList<string>? GranteePrincipalArns { get; init; }
    public IReadOnlyList<string>? GrantorAccountIds { get; init; }
    public IReadOnlyList<string>? ProductSkus { get; init; }
    public IReadOnlyList<string>? IssuerNames { get; init; }
    public int Limit { get; init; } = 100;
    public string? After { get; init; }
}
