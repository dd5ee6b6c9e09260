namespace Licentia.Aws.Auth;

/// <summary>The canonical request and the string to sign built from it.</summary>
public static class CanonicalRequest
{
    public static string Build(
        string method, string canonicalUri, string canonicalQuery, string canonicalHeaders, string signedHeaders, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        return $"{method.ToUpperInvariant()}\n{canonicalUri}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
    }

    public static string StringToSign(string amzDate, CredentialScope scope, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        return $"{SigV4Names.Algorithm}\n{amzDate}\n{scope}\n{Sha256.Hex(canonicalRequest)}";
    }
}
