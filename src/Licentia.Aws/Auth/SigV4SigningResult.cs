namespace Licentia.Aws.Auth;

/// <summary>
/// A header-form signature. <see cref="HeadersToSet"/> lists what the caller must set on the
/// outgoing request (X-Amz-Date, any session token and content hash, and Authorization).
/// </summary>
public sealed record SigV4SigningResult(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string Authorization,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToSet);
