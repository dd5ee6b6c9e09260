namespace Licentia.Core.Tokens;

/// <summary>
/// A refresh token issued by CreateToken for a customer without an account. The token string itself is never
/// stored: only <see cref="TokenHash"/> (SHA-256 of it). Status is derived from the stored facts and the clock.
/// </summary>
public sealed record LicenseToken
{
    public required string AccountId { get; init; }

    public required string Region { get; init; }

    /// <summary>32 lowercase hex digits.</summary>
    public required string TokenId { get; init; }

    public required string LicenseArn { get; init; }

    public required IReadOnlyList<string> RoleArns { get; init; }

    public required IReadOnlyList<string> TokenProperties { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Lowercase hex SHA-256 of the token string.</summary>
    public required string TokenHash { get; init; }

    public Scope Scope => new(AccountId, Region);

    /// <summary>Deleted wins over expired: a deleted token stays deleted whatever the clock says.</summary>
    public TokenStatus StatusAt(DateTimeOffset now) =>
        DeletedAt is not null ? TokenStatus.Deleted
        : now >= ExpiresAt ? TokenStatus.Expired
        : TokenStatus.Available;
}

/// <summary>The status ListTokens reports.</summary>
public enum TokenStatus
{
    Available,
    Expired,
    Deleted,
}
