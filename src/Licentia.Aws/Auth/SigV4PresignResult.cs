namespace Licentia.Aws.Auth;

/// <summary>A presigned request: <see cref="RawQuery"/> replaces the original query string (it keeps its parameters).</summary>
public sealed record SigV4PresignResult(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string RawQuery);
