namespace Licentia.Aws.Auth;

/// <summary>The signing inputs a request claims, read from its Authorization header or presigned query.</summary>
internal sealed record SigV4AuthParameters(
    bool IsPresigned,
    string Algorithm,
    string Credential,
    string SignedHeaders,
    string Signature,
    string AmzDate,
    DateTimeOffset SigningTime,
    int? ExpiresSeconds,
    string? SessionToken,
    string? ContentSha256);
