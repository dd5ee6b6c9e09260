namespace Licentia.Aws.Auth;

/// <summary>The header, parameter and algorithm names of SigV4, spelled once.</summary>
public static class SigV4Names
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string ScopeTerminator = "aws4_request";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public const string AuthorizationHeader = "Authorization";
    public const string HostHeader = "Host";
    public const string DateHeader = "Date";
    public const string AmzDateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";
    public const string ContentSha256Header = "X-Amz-Content-Sha256";

    public const string AlgorithmParameter = "X-Amz-Algorithm";
    public const string CredentialParameter = "X-Amz-Credential";
    public const string DateParameter = "X-Amz-Date";
    public const string ExpiresParameter = "X-Amz-Expires";
    public const string SignedHeadersParameter = "X-Amz-SignedHeaders";
    public const string SignatureParameter = "X-Amz-Signature";
    public const string SecurityTokenParameter = "X-Amz-Security-Token";
    public const string ContentSha256Parameter = "X-Amz-Content-Sha256";

    /// <summary>A presigned URL may live at most a week: the signing key is only valid that long.</summary>
    public const int MaxPresignedExpirySeconds = 604800;
}
