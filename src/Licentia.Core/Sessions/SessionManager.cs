using System.Security.Cryptography;
using System.Text;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Security;
using Licentia.Core.Sessions.Errors;
using Licentia.Core.Tokens;

namespace Licentia.Core.Sessions;

/// <summary>
/// STS AssumeRoleWithWebIdentity for customers without an account: an access token from GetAccessToken is exchanged
/// for temporary credentials of one of the token's roles. The credentials expire after DurationSeconds, but never
/// after the refresh token does. They are limited to license consumption by the wire layer (a session principal).
/// </summary>
public sealed class SessionManager
{
    public const string AccessKeyIdPrefix = "ASIA";
    public const int MinDurationSeconds = 900;
    public const int MaxDurationSeconds = 43200;
    public const int DefaultDurationSeconds = 3600;

    private readonly ISessionStore _store;
    private readonly TokenManager _tokens;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;

    public SessionManager(ISessionStore store, TokenManager tokens, ISecretProtector protector, TimeProvider time, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _tokens = tokens;
        _protector = protector;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
    }

    public static bool IsSessionAccessKeyId(string? accessKeyId) =>
        accessKeyId is { Length: 20 } && accessKeyId.StartsWith(AccessKeyIdPrefix, StringComparison.Ordinal);

    /// <exception cref="InvalidIdentityTokenException">The token is not an access token Licentia issued, or was revoked.</exception>
    /// <exception cref="ExpiredTokenException">The access token has expired.</exception>
    /// <exception cref="IDPRejectedClaimException">The role is not one of the token's roles.</exception>
    /// <exception cref="ValidationException">DurationSeconds or RoleSessionName out of range.</exception>
    public async Task<AssumedSession> AssumeRoleWithWebIdentityAsync(
        string? webIdentityToken, string roleArn, string roleSessionName, int? durationSeconds, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        ArgumentException.ThrowIfNullOrEmpty(roleSessionName);
        var duration = durationSeconds ?? DefaultDurationSeconds;
        if (duration is < MinDurationSeconds or > MaxDurationSeconds)
        {
            throw new ValidationException(
                $"1 validation error detected: Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between {MinDurationSeconds} and {MaxDurationSeconds}");
        }

        var (claims, refusal) = await _tokens.ReadWebIdentityAsync(webIdentityToken, ct);
        switch (refusal)
        {
            case TokenRefusal.Expired:
                throw new ExpiredTokenException("Token expired: current date/time is past the token's expiration.");
            case TokenRefusal.Revoked:
                throw new InvalidIdentityTokenException("The web identity token's refresh token was deleted or has expired.");
            case TokenRefusal.Invalid:
                throw new InvalidIdentityTokenException("The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.");
        }

        if (!claims!.RoleArns.Contains(roleArn, StringComparer.Ordinal) || TokenManager.RoleName(roleArn) is not { } roleName)
        {
            throw new IDPRejectedClaimException($"Not authorized to perform sts:AssumeRoleWithWebIdentity on {roleArn}: the token does not name this role.");
        }

        var now = _time.GetUtcNow();
        var expiresAt = now.AddSeconds(duration);
        if (expiresAt > claims.ExpiresAt)
        {
            expiresAt = claims.ExpiresAt;
        }

        var secret = RandomText.Create(_random, RandomText.SecretAlphabet, 40);
        var sessionToken = "IQo" + RandomText.Create(_random, RandomText.SecretAlphabet, 253);
        var session = new SessionCredential
        {
            AccessKeyId = AccessKeyIdPrefix + RandomText.Create(_random, RandomText.UpperAlphanumerics, 16),
            AccountId = claims.AccountId,
            Region = claims.Region,
            TokenId = claims.TokenId,
            RoleArn = roleArn,
            RoleSessionName = roleSessionName,
            AssumedRoleArn = $"arn:aws:sts::{claims.AccountId}:assumed-role/{roleName}/{roleSessionName}",
            AssumedRoleId = RoleId(roleArn) + ":" + roleSessionName,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            EncryptedSecretAccessKey = _protector.Protect(Encoding.UTF8.GetBytes(secret)),
            EncryptedSessionToken = _protector.Protect(Encoding.UTF8.GetBytes(sessionToken)),
        };
        await _store.InsertAsync(session, ct);
        return new AssumedSession(session, secret, sessionToken, claims.Subject, claims.Audience, claims.Issuer);
    }

    /// <summary>The decrypted session of an ASIA access key id (expired or not: the verifier judges expiry), or null.</summary>
    public async Task<ResolvedSession?> ResolveAsync(string accessKeyId, CancellationToken ct)
    {
        if (!IsSessionAccessKeyId(accessKeyId) || await _store.FindAsync(accessKeyId, ct) is not { } stored)
        {
            return null;
        }

        return new ResolvedSession(
            stored,
            Encoding.UTF8.GetString(_protector.Unprotect(stored.EncryptedSecretAccessKey.Span)),
            Encoding.UTF8.GetString(_protector.Unprotect(stored.EncryptedSessionToken.Span)));
    }

    /// <summary>The domain clock, for translating expiry into the verifier's clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A stable AROA id per role ARN (IAM gives each role one; Licentia derives it).</summary>
    public static string RoleId(string roleArn)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(roleArn ?? ""));
        var text = new StringBuilder("AROA", 21);
        foreach (var b in hash.AsSpan(0, 17))
        {
            text.Append(RandomText.UpperAlphanumerics[b % RandomText.UpperAlphanumerics.Length]);
        }

        return text.ToString();
    }
}
