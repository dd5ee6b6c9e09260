using Licentia.Core.Entitlements.Licenses;

namespace Licentia.Core.Entitlements.Consumption;

/// <summary>How entitlements were checked out. Wire names: PROVISIONAL, PERPETUAL (CheckoutLicense); borrow has its own operation.</summary>
public enum CheckoutKind
{
    Provisional,
    Perpetual,
    Borrow,
}

public static class CheckoutKindNames
{
    public static string ToWire(CheckoutKind kind) => kind switch
    {
        CheckoutKind.Provisional => "PROVISIONAL",
        CheckoutKind.Perpetual => "PERPETUAL",
        CheckoutKind.Borrow => "BORROW",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown checkout kind."),
    };

    /// <summary>CheckoutLicense's CheckoutType.</summary>
    public static CheckoutKind ParseCheckoutType(string? text) => text switch
    {
        "PROVISIONAL" => CheckoutKind.Provisional,
        "PERPETUAL" => CheckoutKind.Perpetual,
        _ => throw new Errors.ValidationException($"CheckoutType '{text}' is not valid. Allowed values: PROVISIONAL, PERPETUAL."),
    };
}

/// <summary>What the caller asked to check out of one entitlement (the model's EntitlementData).</summary>
public sealed record RequestedEntitlement(string Name, string? Value, string? Unit);

/// <summary>One entitlement taken by a check-out: <see cref="Quantity"/> counts against the entitlement's MaxCount (0 for unlimited ones).</summary>
public sealed record ConsumedEntitlement(string Name, string Unit, string? Value, long Quantity);

/// <summary>
/// One check-out as stored, identified by its consumption token. It lives in the consumer's account and the license's
/// Region; the license's issuer counts it against its license. It is active until <see cref="ExpiresAt"/> (never for
/// a perpetual check-out), until the end of the renewal period it was taken in (<see cref="PeriodEndsAt"/>, for a
/// license that renews weekly or monthly), or until it is checked in (the row is removed): lapsed consumption no
/// longer counts, derived from the stored instants and the clock.
/// </summary>
public sealed record LicenseConsumption
{
    public required string Token { get; init; }
    public required string LicenseArn { get; init; }
    /// <summary>The issuer's account: whose license is consumed.</summary>
    public required string LicenseAccountId { get; init; }
    public required string Region { get; init; }
    /// <summary>The account that checked out (the issuer itself, or a grantee).</summary>
    public required string ConsumerAccountId { get; init; }
    /// <summary>The license version current at check-out; ResetUsage on a later version stops it counting.</summary>
    public required long LicenseVersion { get; init; }
    public required CheckoutKind Kind { get; init; }
    public string? Beneficiary { get; init; }
    public string? NodeId { get; init; }
    public required IReadOnlyList<ConsumedEntitlement> Entitlements { get; init; }
    public IReadOnlyList<LicenseMetadata> Metadata { get; init; } = [];
    public required DateTimeOffset IssuedAt { get; init; }
    /// <summary>When a provisional or borrowed check-out lapses unless extended; null for perpetual ones.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>
    /// The end of the renewal period the check-out was made in (RenewType Weekly or Monthly), fixed at check-out:
    /// from then on it no longer counts, whatever its kind. Null when the license does not renew.
    /// </summary>
    public DateTimeOffset? PeriodEndsAt { get; init; }

    public Scope ConsumerScope => new(ConsumerAccountId, Region);

    public Scope LicenseScope => new(LicenseAccountId, Region);

    public bool IsActiveAt(DateTimeOffset now) => (ExpiresAt is not { } end || end > now) && (PeriodEndsAt is not { } renews || renews > now);

    /// <summary>When it stops counting unless extended or checked in (the earlier of expiry and period end); null if never.</summary>
    public DateTimeOffset? LapsesAt => Lapse(ExpiresAt, PeriodEndsAt);

    /// <summary>The earlier of an expiry and a period end, either of which may be absent; null if both are.</summary>
    public static DateTimeOffset? Lapse(DateTimeOffset? expiresAt, DateTimeOffset? periodEndsAt) =>
        expiresAt is { } e && periodEndsAt is { } p ? (e < p ? e : p) : expiresAt ?? periodEndsAt;
}

/// <summary>What a check-out returns: the stored consumption, its signed token and the token's expiry.</summary>
public sealed record CheckoutResult(LicenseConsumption Consumption, string SignedToken, DateTimeOffset TokenExpiresAt);

/// <summary>Usage of one entitlement (GetLicenseUsage): consumed now, out of MaxCount (null when unlimited).</summary>
public sealed record EntitlementUsage(string Name, long Consumed, long? MaxCount, string Unit)
{
    /// <summary>How far consumption is past MaxCount (only with Overage), else 0.</summary>
    public long Overage => MaxCount is { } max && Consumed > max ? Consumed - max : 0;
}
