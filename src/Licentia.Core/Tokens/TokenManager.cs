using System.Text.Json;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Paging;

namespace Licentia.Core.Tokens;

/// <summary>
/// Refresh tokens for customers without an account (CreateToken, DeleteToken, ListTokens) and their exchange for
/// short-lived access tokens (GetAccessToken). Both are JWTs signed with HS256 under a key derived from the master
/// key for this purpose only; the store keeps only a hash of each refresh token. An access token is accepted
/// (by <see cref="ReadWebIdentityAsync"/>, for STS AssumeRoleWithWebIdentity) only while it is unexpired and
/// its refresh token is neither deleted nor expired. As the model documents for CreateToken, the license ARN is the
/// tokens' "aud" claim and TokenProperties their "amr" claim; a token may only name a license the caller issued or
/// accepted a grant of (<see cref="ITokenLicenseAccess"/>).
/// </summary>
public sealed class TokenManager
{
    public const string Issuer = "licentia";
    /// <summary>The audience claimed when a token carries none (tokens name their license as "aud").</summary>
    public const string Audience = "license-manager";
    public const int DefaultExpirationInDays = 365;
    public const int MaxExpirationInDays = 730;
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    private const string RefreshKind = "refresh";
    private const string AccessKind = "access";

    private readonly ITokenStore _store;
    private readonly CompactJwt _jwt;
    private readonly ITokenLicenseAccess _licenses;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;

    public TokenManager(ITokenStore store, CompactJwt jwt, ITokenLicenseAccess licenses, TimeProvider time, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(licenses);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _jwt = jwt;
        _licenses = licenses;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
    }

    /// <summary>Issues a refresh token; the token string is returned once and never stored.</summary>
    /// <exception cref="ValidationException">Expiration out of range, a role ARN that is not an IAM role, or a bad or deleted license.</exception>
    /// <exception cref="ResourceNotFoundException">No such license that the caller issued or accepted a grant of.</exception>
    public async Task<(LicenseToken Token, string TokenString)> CreateAsync(
        Scope scope, string licenseArn, IReadOnlyList<string>? roleArns, int? expirationInDays, IReadOnlyList<string>? tokenProperties,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(licenseArn);
        var days = expirationInDays ?? DefaultExpirationInDays;
        if (days < 1 || days > MaxExpirationInDays)
        {
            throw new ValidationException($"ExpirationInDays must be between 1 and {MaxExpirationInDays}, not {days}.");
        }

        var roles = roleArns ?? [];
        foreach (var role in roles)
        {
            if (RoleName(role) is null)
            {
                throw new ValidationException($"'{role}' is not the ARN of an IAM role (arn:aws:iam::<account>:role/<name>).");
            }
        }

        await _licenses.RequireAsync(scope, licenseArn, ct);
        var now = _time.GetUtcNow();
        var tokenId = RandomText.Create(_random, RandomText.LowerHex, 32);
        var expiresAt = now.AddDays(days);
        var properties = tokenProperties ?? [];
        var tokenString = _jwt.Sign(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = licenseArn,
            ["sub"] = tokenId,
            ["jti"] = tokenId,
            ["typ"] = RefreshKind,
            ["acct"] = scope.AccountId,
            ["region"] = scope.Region,
            ["lic"] = licenseArn,
            ["roles"] = roles,
            ["amr"] = properties,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
        });
        var token = new LicenseToken
        {
            AccountId = scope.AccountId,
            Region = scope.Region,
            TokenId = tokenId,
            LicenseArn = licenseArn,
            RoleArns = [.. roles],
            TokenProperties = [.. properties],
            CreatedAt = now,
            ExpiresAt = expiresAt,
            TokenHash = CompactJwt.Hash(tokenString),
        };
        await _store.InsertAsync(token, ct);
        return (token, tokenString);
    }

    /// <summary>Exchanges a valid refresh token for an access token of at most <see cref="AccessTokenLifetime"/>.</summary>
    /// <exception cref="AuthorizationException">The token is not one Licentia issued, or is deleted or expired.</exception>
    public async Task<string> GetAccessTokenAsync(string refreshToken, CancellationToken ct)
    {
        var payload = _jwt.Read(refreshToken) ?? throw new AuthorizationException("The refresh token is not valid.");
        if (Text(payload, "typ") != RefreshKind || Text(payload, "acct") is not { } account || Text(payload, "region") is not { } region
            || Text(payload, "jti") is not { } tokenId)
        {
            throw new AuthorizationException("The token is not a refresh token.");
        }

        var now = _time.GetUtcNow();
        var stored = await _store.FindAsync(new Scope(account, region), tokenId, ct);
        if (stored is null || stored.TokenHash != CompactJwt.Hash(refreshToken))
        {
            throw new AuthorizationException("The refresh token is not valid.");
        }

        switch (stored.StatusAt(now))
        {
            case TokenStatus.Deleted:
                throw new AuthorizationException($"The refresh token {tokenId} was deleted.");
            case TokenStatus.Expired:
                throw new AuthorizationException($"The refresh token {tokenId} expired at {stored.ExpiresAt:O}.");
        }

        var expiresAt = Min(now + AccessTokenLifetime, stored.ExpiresAt);
        return _jwt.Sign(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = stored.LicenseArn,
            ["sub"] = tokenId,
            ["jti"] = RandomText.Create(_random, RandomText.LowerHex, 32),
            ["typ"] = AccessKind,
            ["rti"] = tokenId,
            ["acct"] = account,
            ["region"] = region,
            ["lic"] = stored.LicenseArn,
            ["roles"] = stored.RoleArns,
            ["amr"] = stored.TokenProperties,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
        });
    }

    /// <summary>Deletes a token: later exchanges and role assumptions with it are refused.</summary>
    /// <exception cref="ResourceNotFoundException">No such undeleted token in the scope.</exception>
    public async Task DeleteAsync(Scope scope, string tokenId, CancellationToken ct)
    {
        if (!await _store.MarkDeletedAsync(scope, tokenId, _time.GetUtcNow(), ct))
        {
            throw new ResourceNotFoundException($"Token {tokenId} does not exist.");
        }
    }

    public Task<LicenseToken?> FindAsync(Scope scope, string tokenId, CancellationToken ct) => _store.FindAsync(scope, tokenId, ct);

    public Task<Page<LicenseToken>> ListAsync(
        Scope scope, IReadOnlyList<string>? tokenIds, IReadOnlyList<string>? licenseArns, string? cursor, int limit, CancellationToken ct) =>
        _store.ListAsync(scope, tokenIds, licenseArns, cursor, limit, ct);

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// The claims of an access token presented as a web identity, or a refusal named as STS names it: the token is
    /// malformed or not ours (<see cref="TokenRefusal.Invalid"/>), past its expiry (<see cref="TokenRefusal.Expired"/>),
    /// or its refresh token was deleted or expired (<see cref="TokenRefusal.Revoked"/>).
    /// </summary>
    public async Task<(WebIdentityClaims? Claims, TokenRefusal Refusal)> ReadWebIdentityAsync(string? accessToken, CancellationToken ct)
    {
        var payload = _jwt.Read(accessToken);
        if (payload is not { } p || Text(p, "typ") != AccessKind || Text(p, "acct") is not { } account
            || Text(p, "region") is not { } region || Text(p, "rti") is not { } tokenId || Text(p, "lic") is not { } license
            || !p.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds))
        {
            return (null, TokenRefusal.Invalid);
        }

        var now = _time.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expSeconds);
        if (now >= expiresAt)
        {
            return (null, TokenRefusal.Expired);
        }

        var stored = await _store.FindAsync(new Scope(account, region), tokenId, ct);
        if (stored is null || stored.StatusAt(now) != TokenStatus.Available)
        {
            return (null, TokenRefusal.Revoked);
        }

        var roles = p.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];
        return (new WebIdentityClaims(account, region, tokenId, license, roles, Text(p, "sub") ?? tokenId,
            Text(p, "aud") ?? Audience, Text(p, "iss") ?? Issuer, Min(expiresAt, stored.ExpiresAt)), TokenRefusal.None);
    }

    /// <summary>The role name of an IAM role ARN (the part after the last '/'), or null if it is not one.</summary>
    public static string? RoleName(string? roleArn)
    {
        if (roleArn is null || !roleArn.StartsWith("arn:aws:iam::", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = roleArn["arn:aws:iam::".Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon != 12 || !Identifiers.Arn.IsAccountId(rest[..colon]) || !rest[(colon + 1)..].StartsWith("role/", StringComparison.Ordinal))
        {
            return null;
        }

        var name = rest[(rest.LastIndexOf('/') + 1)..];
        return name.Length is > 0 and <= 64 ? name : null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string? Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Why a web identity token was refused.</summary>
public enum TokenRefusal
{
    None,
    Invalid,
    Expired,
    Revoked,
}
