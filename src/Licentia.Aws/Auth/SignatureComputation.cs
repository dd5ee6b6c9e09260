namespace Licentia.Aws.Auth;

/// <summary>
/// The one place a signature is computed, shared by the signer and the verifier so that both
/// always canonicalize the same way.
/// </summary>
internal static class SignatureComputation
{
    public static SignatureParts Compute(
        string method,
        string canonicalUri,
        string canonicalQuery,
        SigV4HeaderCollection headers,
        IReadOnlyList<string> signedHeaderNames,
        string payloadHash,
        string amzDate,
        CredentialScope scope,
        ReadOnlySpan<byte> signingKey)
    {
        var signedHeaders = string.Join(';', signedHeaderNames);
        var canonicalRequest = CanonicalRequest.Build(
            method, canonicalUri, canonicalQuery, CanonicalHeaders.Build(headers, signedHeaderNames), signedHeaders, payloadHash);
        var stringToSign = CanonicalRequest.StringToSign(amzDate, scope, canonicalRequest);
        var signature = Convert.ToHexStringLower(Sha256.Hmac(signingKey, stringToSign));
        return new SignatureParts(canonicalRequest, stringToSign, signature);
    }
}

internal readonly record struct SignatureParts(string CanonicalRequest, string StringToSign, string Signature);
