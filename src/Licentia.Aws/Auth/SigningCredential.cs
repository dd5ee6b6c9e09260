namespace Licentia.Aws.Auth;

/// <summary>
/// What the credential store knows about one access key id: the secret that signs, the account it
/// belongs to and, for temporary credentials, the session token that must accompany every request.
/// </summary>
/// <remarks>A class rather than a record so that logging it can never print the secret.</remarks>
public sealed class SigningCredential
{
    public SigningCredential(string secretAccessKey, string accountId, string? sessionToken = null, DateTimeOffset? expiration = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        SecretAccessKey = secretAccessKey;
        AccountId = accountId;
        SessionToken = sessionToken;
        Expiration = expiration;
    }

    public string SecretAccessKey { get; }

    public string AccountId { get; }

    /// <summary>When set, X-Amz-Security-Token must be present and equal to it.</summary>
    public string? SessionToken { get; }

    /// <summary>When set, requests at or after this instant fail with an expired-token error.</summary>
    public DateTimeOffset? Expiration { get; }

    public override string ToString() =>
        $"SigningCredential {{ AccountId = {AccountId}, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
