namespace Licentia.Core.Sessions;

/// <summary>
/// Temporary credentials issued by AssumeRoleWithWebIdentity. The secret access key and the session token are
/// stored only encrypted (<see cref="Security.ISecretProtector"/>); the access key id (ASIA...) is global.
/// </summary>
public sealed record SessionCredential
{
    public required string AccessKeyId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    /// <summary>The refresh token the access token came from.</summary>
    public required string TokenId { get; init; }

    public required string RoleArn { get; init; }

    public required string RoleSessionName { get; init; }

    /// <summary>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION.</summary>
    public required string AssumedRoleArn { get; init; }

    /// <summary>AROA... id of the role, a colon, the session name.</summary>
    public required string AssumedRoleId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required ReadOnlyMemory<byte> EncryptedSecretAccessKey { get; init; }

    public required ReadOnlyMemory<byte> EncryptedSessionToken { get; init; }
}

/// <summary>Decrypted session credentials, as the SigV4 credential lookup needs them.</summary>
public sealed class ResolvedSession(SessionCredential stored, string secretAccessKey, string sessionToken)
{
    public SessionCredential Stored { get; } = stored;

    public string SecretAccessKey { get; } = secretAccessKey;

    public string SessionToken { get; } = sessionToken;

    public override string ToString() => $"ResolvedSession {{ {Stored.AccessKeyId}, {Stored.AssumedRoleArn} }}";
}

/// <summary>What AssumeRoleWithWebIdentity answers: the new credentials (secrets in clear, once) and the token's facts.</summary>
public sealed record AssumedSession(
    SessionCredential Stored, string SecretAccessKey, string SessionToken, string Subject, string Audience, string Provider);

/// <summary>Persistence of temporary credentials.</summary>
public interface ISessionStore
{
    Task InsertAsync(SessionCredential session, CancellationToken ct);

    /// <summary>The session of this access key id (expired or not), or null.</summary>
    Task<SessionCredential?> FindAsync(string accessKeyId, CancellationToken ct);

    /// <summary>Removes sessions that expired before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken ct);
}
