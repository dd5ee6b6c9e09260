using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Licentia.Client;

namespace Licentia.Client.Tests;

public sealed class LicenseTokenVerifierTests : IDisposable
{
    private const string Kid = "arn:aws:kms:us-east-1:111122223333:key/0b7a1c2d-1111-2222-3333-444455556666";
    private const string LicenseArn = "arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _ec384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public void Dispose()
    {
        _rsa.Dispose();
        _ec256.Dispose();
        _ec384.Dispose();
    }

    [Fact]
    public void A_valid_RSA_token_verifies_and_is_read()
    {
        var result = Verifier(_rsa).Verify(Mint("PS256", _rsa), new LicenseTokenExpectations
        {
            NodeId = "node-1", LicenseArn = LicenseArn, Entitlements = ["DataTransfer", "Platinum Tier"],
        });
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal("node-1", result.Token!.NodeId);
        Assert.Equal("10", result.Token.FindEntitlement("DataTransfer")!.Value);
        Assert.Equal(Kid, result.Token.KeyId);
        Assert.Equal("travel", result.Token.CheckoutMetadata["reason"]);
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    public void Valid_EC_tokens_verify(string alg)
    {
        var key = alg == "ES256" ? _ec256 : _ec384;
        Assert.True(Verifier(key).Verify(Mint(alg, key)).IsValid);
    }

    [Fact]
    public void A_PEM_public_key_and_a_JWKS_document_verify_too()
    {
        var token = Mint("ES256", _ec256);
        using var pem = LicenseTokenKeys.FromPem(_ec256.ExportSubjectPublicKeyInfoPem());
        Assert.True(new LicenseTokenVerifier(pem, Options()).Verify(token).IsValid);
        var p = _ec256.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "EC", crv = "P-256", kid = Kid, x = B64(p.Q.X!), y = B64(p.Q.Y!) } } });
        using var set = LicenseTokenKeys.FromJwks(jwks);
        Assert.True(new LicenseTokenVerifier(set, Options()).Verify(token).IsValid);
        var otherKid = jwks.Replace(Kid, "arn:aws:kms:us-east-1:111122223333:key/other", StringComparison.Ordinal);
        using var other = LicenseTokenKeys.FromJwks(otherKid);
        Assert.Equal(LicenseTokenReasons.UnknownKey, new LicenseTokenVerifier(other, Options()).Verify(token).Reason);
    }

    [Fact]
    public void A_tampered_payload_fails()
    {
        var parts = Mint("PS256", _rsa).Split('.');
        var forged = parts[0] + "." + B64(Encoding.UTF8.GetBytes(Payload(Now.AddHours(1)).Replace("\"10\"", "\"40\"", StringComparison.Ordinal))) + "." + parts[2];
        Assert.Equal(LicenseTokenReasons.BadSignature, Verifier(_rsa).Verify(forged).Reason);
    }

    [Fact]
    public void A_tampered_signature_fails()
    {
        var parts = Mint("ES256", _ec256).Split('.');
        var signature = Convert.FromBase64String(Pad(parts[2]));
        signature[5] ^= 1;
        Assert.Equal(LicenseTokenReasons.BadSignature, Verifier(_ec256).Verify(parts[0] + "." + parts[1] + "." + B64(signature)).Reason);
    }

    [Fact]
    public void Another_key_fails()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(LicenseTokenReasons.BadSignature, Verifier(other).Verify(Mint("PS256", _rsa)).Reason);
        Assert.Equal(LicenseTokenReasons.BadSignature, Verifier(_ec256).Verify(Mint("PS256", _rsa)).Reason);
    }

    [Fact]
    public void An_expired_token_fails_after_the_leeway_only()
    {
        var token = Mint("PS256", _rsa, expires: Now.AddSeconds(-30));
        Assert.True(Verifier(_rsa).Verify(token).IsValid);
        var later = new LicenseTokenVerifier(LicenseTokenKeys.FromSubjectPublicKeyInfo(_rsa.ExportSubjectPublicKeyInfo()),
            new LicenseTokenVerifierOptions { Time = new FixedTime(Now.AddMinutes(5)) });
        Assert.Equal(LicenseTokenReasons.Expired, later.Verify(token).Reason);
    }

    [Fact]
    public void A_token_for_another_node_license_or_entitlement_fails()
    {
        var token = Mint("PS256", _rsa);
        Assert.Equal(LicenseTokenReasons.WrongNode, Verifier(_rsa).Verify(token, new LicenseTokenExpectations { NodeId = "node-2" }).Reason);
        Assert.Equal(LicenseTokenReasons.WrongLicense, Verifier(_rsa).Verify(token, new LicenseTokenExpectations { LicenseArn = LicenseArn + "0" }).Reason);
        Assert.Equal(LicenseTokenReasons.EntitlementMissing, Verifier(_rsa).Verify(token, new LicenseTokenExpectations { Entitlements = ["Gold"] }).Reason);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("RS256")]
    public void Algorithms_outside_the_allow_list_fail(string alg)
    {
        var header = B64(Encoding.UTF8.GetBytes($"{{\"alg\":\"{alg}\",\"kid\":\"{Kid}\"}}"));
        var token = header + "." + B64(Encoding.UTF8.GetBytes(Payload(Now.AddHours(1)))) + ".";
        Assert.Equal(LicenseTokenReasons.AlgorithmNotAllowed, Verifier(_rsa).Verify(token).Reason);
    }

    [Fact]
    public void An_ES384_token_does_not_verify_with_a_P256_key_claiming_ES384()
    {
        var token = Mint("ES384", _ec256);
        Assert.Equal(LicenseTokenReasons.BadSignature, Verifier(_ec256).Verify(token).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("!!.??.##")]
    public void Malformed_tokens_fail(string token) =>
        Assert.Equal(LicenseTokenReasons.Malformed, Verifier(_rsa).Verify(token).Reason);

    private static LicenseTokenVerifierOptions Options() => new() { Time = new FixedTime(Now) };

    private static LicenseTokenVerifier Verifier(AsymmetricAlgorithm key) =>
        new(LicenseTokenKeys.FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), Kid), Options());

    private static string Mint(string alg, AsymmetricAlgorithm key, DateTimeOffset? expires = null)
    {
        var input = B64(Encoding.UTF8.GetBytes($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\",\"kid\":\"{Kid}\"}}")) + "." +
                    B64(Encoding.UTF8.GetBytes(Payload(expires ?? Now.AddHours(1))));
        var hash = alg[2..] switch { "256" => HashAlgorithmName.SHA256, "384" => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
        var data = Encoding.ASCII.GetBytes(input);
        var signature = key switch
        {
            RSA rsa => rsa.SignData(data, hash, RSASignaturePadding.Pss),
            ECDsa ec => ec.SignData(data, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            _ => throw new ArgumentException("An RSA or EC key is needed.", nameof(key)),
        };
        return input + "." + B64(signature);
    }

    private static string Payload(DateTimeOffset expires) =>
        $"{{\"licenseArn\":\"{LicenseArn}\",\"licenseConsumptionToken\":\"abc\",\"checkoutType\":\"PROVISIONAL\",\"nodeId\":\"node-1\"," +
        "\"entitlementsAllowed\":[{\"name\":\"DataTransfer\",\"unit\":\"Gigabytes\",\"value\":\"10\"},{\"name\":\"Platinum Tier\",\"unit\":\"None\"}]," +
        "\"checkoutMetadata\":[{\"name\":\"reason\",\"value\":\"travel\"}]," +
        $"\"iat\":{Now.AddMinutes(-1).ToUnixTimeSeconds()},\"exp\":{expires.ToUnixTimeSeconds()}}}";

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
