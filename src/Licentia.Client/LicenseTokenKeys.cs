using System.Security.Cryptography;
using System.Text.Json;

namespace Licentia.Client;

/// <summary>
/// The public keys tokens may be signed with: from a DER SubjectPublicKeyInfo (what KMS GetPublicKey returns), a PEM
/// "PUBLIC KEY", or a JWKS document (Licentia's <c>/.well-known/licentia/jwks/…</c>). A key given with a key id
/// (the KMS key ARN) matches only tokens whose header kid is that id; a key given without one matches any kid.
/// </summary>
public sealed class LicenseTokenKeys : IDisposable
{
    private readonly List<(string? KeyId, AsymmetricAlgorithm Key)> _keys = [];

    private LicenseTokenKeys()
    {
    }

    /// <summary>One key from a DER-encoded SubjectPublicKeyInfo (RSA or EC).</summary>
    public static LicenseTokenKeys FromSubjectPublicKeyInfo(ReadOnlySpan<byte> der, string? keyId = null)
    {
        var keys = new LicenseTokenKeys();
        keys._keys.Add((keyId, Import(der)));
        return keys;
    }

    /// <summary>One key from PEM text (-----BEGIN PUBLIC KEY-----).</summary>
    public static LicenseTokenKeys FromPem(string pem, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var field = PemEncoding.Find(pem);
        if (!pem.AsSpan()[field.Label].SequenceEqual("PUBLIC KEY"))
        {
            throw new ArgumentException("Expected a PEM 'PUBLIC KEY' (SubjectPublicKeyInfo).", nameof(pem));
        }

        return FromSubjectPublicKeyInfo(Convert.FromBase64String(pem[field.Base64Data]), keyId);
    }

    /// <summary>Every RSA and EC key of a JWKS document ({"keys": [...]}), each with its kid.</summary>
    public static LicenseTokenKeys FromJwks(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var keys = new LicenseTokenKeys();
        using var document = JsonDocument.Parse(json);
        foreach (var jwk in document.RootElement.GetProperty("keys").EnumerateArray())
        {
            var kid = jwk.TryGetProperty("kid", out var k) ? k.GetString() : null;
            switch (jwk.GetProperty("kty").GetString())
            {
                case "RSA":
                    var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") });
                    keys._keys.Add((kid, rsa));
                    break;
                case "EC":
                    var curve = jwk.GetProperty("crv").GetString() switch
                    {
                        "P-256" => ECCurve.NamedCurves.nistP256,
                        "P-384" => ECCurve.NamedCurves.nistP384,
                        "P-521" => ECCurve.NamedCurves.nistP521,
                        var other => throw new ArgumentException($"Unsupported curve '{other}'.", nameof(json)),
                    };
                    keys._keys.Add((kid, ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = Bytes(jwk, "x"), Y = Bytes(jwk, "y") } })));
                    break;
                default:
                    // Other key types cannot sign license tokens; skip them.
                    break;
            }
        }

        return keys;
    }

    internal IEnumerable<AsymmetricAlgorithm> For(string? keyId) =>
        _keys.Where(k => k.KeyId is null || k.KeyId == keyId).Select(k => k.Key);

    public void Dispose()
    {
        foreach (var (_, key) in _keys)
        {
            key.Dispose();
        }

        _keys.Clear();
    }

    private static AsymmetricAlgorithm Import(ReadOnlySpan<byte> der)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportSubjectPublicKeyInfo(der, out _);
            return ec;
        }
        catch (CryptographicException)
        {
            ec.Dispose();
            throw;
        }
    }

    private static byte[] Bytes(JsonElement jwk, string name) => Base64Url.Decode(jwk.GetProperty(name).GetString() ?? "");
}

internal static class Base64Url
{
    public static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
