using System.Security.Cryptography;
using System.Text.Json;
using Licentia.Core;
using Licentia.Core.Keys;

namespace Licentia.Server.Hosting;

/// <summary>
/// Public keys of signing keys as JWKS documents (RFC 7517), so sellers' software verifies license tokens offline:
/// <c>GET /.well-known/licentia/jwks/{accountId}/{region}/{keyId}.json</c>, the key named by a token's kid
/// (<c>arn:aws:kms:{region}:{accountId}:key/{keyId}</c>). Unsigned: it serves public keys only, the same bytes KMS
/// GetPublicKey returns to any holder of the key.
/// </summary>
internal static class JwksEndpoint
{
    public const string Pattern = "/.well-known/licentia/jwks/{accountId}/{region}/{keyFile}";

    public static async Task<IResult> GetAsync(string accountId, string region, string keyFile, HttpContext http)
    {
        const string suffix = ".json";
        if (!keyFile.EndsWith(suffix, StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var keyId = keyFile[..^suffix.Length];
        if (!SigningKeyArn.IsKeyId(keyId) || accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
        {
            return Results.NotFound();
        }

        var store = http.RequestServices.GetRequiredService<ISigningKeyStore>();
        if (await store.FindAsync(new Scope(accountId, region), keyId, http.RequestAborted) is not { } key)
        {
            return Results.NotFound();
        }

        return Results.Text(Document(key), "application/jwk-set+json");
    }

    /// <summary>A JWKS with the one key: RSA (n, e) or EC (crv, x, y), kid = the key ARN.</summary>
    public static string Document(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var jwk = new Dictionary<string, string> { ["kid"] = key.Arn, ["use"] = "sig" };
        if (key.Spec is SigningKeySpec.Rsa2048 or SigningKeySpec.Rsa3072 or SigningKeySpec.Rsa4096)
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
            var p = rsa.ExportParameters(includePrivateParameters: false);
            jwk["kty"] = "RSA";
            jwk["n"] = Base64Url(p.Modulus!);
            jwk["e"] = Base64Url(p.Exponent!);
        }
        else
        {
            using var ec = ECDsa.Create();
            ec.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
            var p = ec.ExportParameters(includePrivateParameters: false);
            var (alg, crv) = key.Spec switch
            {
                SigningKeySpec.EccNistP256 => ("ES256", "P-256"),
                SigningKeySpec.EccNistP384 => ("ES384", "P-384"),
                _ => ("ES512", "P-521"),
            };
            jwk["kty"] = "EC";
            jwk["alg"] = alg;
            jwk["crv"] = crv;
            jwk["x"] = Base64Url(p.Q.X!);
            jwk["y"] = Base64Url(p.Q.Y!);
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = new[] { jwk } });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
