namespace Licentia.Aws.Auth;

/// <summary>
/// A failed verification: the reason, the message AWS gives for it, and what was learned before
/// failing. The canonical request and string to sign are diagnostics for server logs only.
/// </summary>
public sealed record SigV4Failure(SigV4FailureReason Reason, string Message)
{
    public string? AccessKeyId { get; init; }

    /// <summary>The credential scope, once parsed: the region and service the client named.</summary>
    public CredentialScope? Scope { get; init; }

    public string? CanonicalRequest { get; init; }

    public string? StringToSign { get; init; }

    /// <summary>The error a service speaking <paramref name="dialect"/> answers with.</summary>
    public AwsAuthError ToAwsError(AwsErrorDialect dialect) => SigV4ErrorMapping.Map(this, dialect);
}
