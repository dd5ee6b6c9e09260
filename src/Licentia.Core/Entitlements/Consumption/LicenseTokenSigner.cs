using System.Formats.Asn1;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Keys;

namespace Licentia.Core.Entitlements.Consumption;

/// <summary>
/// Signs check-outs as compact JWS (RFC 7515) with the issuer's KMS key, which never leaves the server. The header
/// names the algorithm and, as kid, the key ARN; the public key is served by KMS GetPublicKey and the JWKS endpoint.
/// RSA keys sign PS256 (PS384 when a borrow asks for JWT_PS384), P-256 ES256, P-384 ES384, P-521 ES512; ECDSA
/// signatures are converted from KMS's DER to the JWS form r||s.
/// </summary>
public sealed class LicenseTokenSigner(SigningKeyManager keys)
{
    /// <summary>The signed token of a check-out, which expires at <paramref name="expiresAt"/>.</summary>
    public async Task<string> SignAsync(License license, LicenseConsumption consumption, DateTimeOffset expiresAt, bool preferPs384, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(consumption);
        var keyArn = license.Latest.Issuer.SignKeyArn;
        var key = await keys.GetPublicKeyAsync(license.Scope, keyArn, ct);
        var (jwsAlgorithm, kmsAlgorithm) = Algorithms(key.Spec, preferPs384);
        var header = Base64Url(Json(w =>
        {
            w.WriteString("alg", jwsAlgorithm);
            w.WriteString("typ", "JWT");
            w.WriteString("kid", key.Arn);
        }));
        var payload = Base64Url(Payload(license, consumption, expiresAt));
        var signingInput = header + "." + payload;
        var signature = await keys.SignAsync(license.Scope, key.Arn, Encoding.ASCII.GetBytes(signingInput), kmsAlgorithm, ct);
        var jwsSignature = key.Spec is SigningKeySpec.Rsa2048 or SigningKeySpec.Rsa3072 or SigningKeySpec.Rsa4096
            ? signature.Signature
            : DerToConcatenated(signature.Signature, CoordinateLength(key.Spec));
        return signingInput + "." + Base64Url(jwsSignature);
    }

    /// <summary>The JWS "alg" and KMS SigningAlgorithm for a key spec.</summary>
    public static (string Jws, string Kms) Algorithms(SigningKeySpec spec, bool preferPs384 = false) => spec switch
    {
        SigningKeySpec.Rsa2048 or SigningKeySpec.Rsa3072 or SigningKeySpec.Rsa4096 =>
            preferPs384 ? ("PS384", "RSASSA_PSS_SHA_384") : ("PS256", "RSASSA_PSS_SHA_256"),
        SigningKeySpec.EccNistP256 => ("ES256", "ECDSA_SHA_256"),
        SigningKeySpec.EccNistP384 => ("ES384", "ECDSA_SHA_384"),
        SigningKeySpec.EccNistP521 => ("ES512", "ECDSA_SHA_512"),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown key spec."),
    };

    /// <summary>The length in bytes of r and of s in a JWS ECDSA signature.</summary>
    public static int CoordinateLength(SigningKeySpec spec) => spec switch
    {
        SigningKeySpec.EccNistP256 => 32,
        SigningKeySpec.EccNistP384 => 48,
        SigningKeySpec.EccNistP521 => 66,
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Not an elliptic-curve key spec."),
    };

    /// <summary>Converts a DER ECDSA-Sig-Value (SEQUENCE of INTEGER r, s) to r||s, each left-padded to <paramref name="length"/> bytes.</summary>
    public static byte[] DerToConcatenated(ReadOnlySpan<byte> der, int length)
    {
        var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        var r = sequence.ReadIntegerBytes().Span;
        var s = sequence.ReadIntegerBytes().Span;
        sequence.ThrowIfNotEmpty();
        reader.ThrowIfNotEmpty();
        var result = new byte[2 * length];
        Place(r, result.AsSpan(0, length));
        Place(s, result.AsSpan(length, length));
        return result;
    }

    private static void Place(ReadOnlySpan<byte> integer, Span<byte> target)
    {
        // DER integers are minimal and signed: strip a leading zero, then right-align.
        while (integer.Length > 0 && integer[0] == 0)
        {
            integer = integer[1..];
        }

        if (integer.Length > target.Length)
        {
            throw new InvalidOperationException("ECDSA signature component is longer than the curve allows.");
        }

        integer.CopyTo(target[(target.Length - integer.Length)..]);
    }

    private static byte[] Payload(License license, LicenseConsumption c, DateTimeOffset expiresAt)
    {
        var version = license.Versions.FirstOrDefault(v => v.Number == c.LicenseVersion) ?? license.Latest;
        return Json(w =>
        {
            w.WriteString("licenseArn", c.LicenseArn);
            w.WriteString("licenseConsumptionToken", c.Token);
            w.WriteString("checkoutType", CheckoutKindNames.ToWire(c.Kind));
            w.WriteString("productSKU", version.ProductSku);
            w.WriteString("productName", version.ProductName);
            w.WriteStartObject("issuer");
            w.WriteString("name", version.Issuer.Name);
            w.WriteString("keyFingerprint", version.Issuer.KeyFingerprint);
            w.WriteString("signKey", version.Issuer.SignKeyArn);
            w.WriteEndObject();
            w.WriteString("beneficiary", c.Beneficiary ?? version.Beneficiary);
            w.WriteString("consumerAccountId", c.ConsumerAccountId);
            if (c.NodeId is not null)
            {
                w.WriteString("nodeId", c.NodeId);
            }

            w.WriteStartArray("entitlementsAllowed");
            foreach (var e in c.Entitlements)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("unit", e.Unit);
                if (e.Value is not null)
                {
                    w.WriteString("value", e.Value);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("checkoutMetadata");
            foreach (var m in c.Metadata)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("value", m.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("issuedAt", Instant(c.IssuedAt));
            w.WriteString("expiration", Instant(expiresAt));
            // Registered JWT claims too, so generic JWT tooling checks the same times.
            w.WriteNumber("iat", c.IssuedAt.ToUnixTimeSeconds());
            w.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
        });
    }

    /// <summary>ISO 8601 UTC with seconds, as the API returns IssuedAt and Expiration.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
