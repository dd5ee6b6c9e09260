using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kms = Licentia.Aws.Kms;
using Lm = Licentia.Aws.LicenseManager;

namespace Licentia.LoadTest;

/// <summary>
/// A KMS signing key and a license issued with it, for the check-out scenarios and their sign baselines.
/// <para>
/// Seeding makes one check-out, verifies its token (alg, kid and signature, with the key's public key from KMS)
/// and keeps the token's signing input (header.payload): the sign baseline signs exactly those bytes, with the
/// same key and algorithm, so it is the same server answering a request that only signs the same payload.
/// </para>
/// <para>
/// Each measurement (after its warm-up) checks out from a license of its own (<see cref="NewLicenseAsync"/>): a
/// provisional check-out stays active for the license's time to live (an hour here) and every check-out reads all the
/// active ones of its license, so with one license for the whole run each measurement would start where the last left off.
/// </para>
/// </summary>
internal sealed class TokenIssuer
{
    private const string IssuerName = "Licentia Load Test";

    // Unit None: unlimited, so no check-out is ever refused and none counts against another.
    private const string Entitlement = "Load Seat";

    private readonly LicenseManagerClient _client;
    private readonly HttpClient _http;
    private readonly string _runId;
    private readonly string _fingerprint;
    private int _licenses;
    private string _sku = "";

    private TokenIssuer(HttpClient http, LicenseManagerClient client, TokenKeyKind kind, string keyArn, string runId)
    {
        _http = http;
        _client = client;
        _runId = runId;
        Kind = kind;
        KeyArn = keyArn;
        _fingerprint = $"aws:{keyArn.Split(':')[4]}:{IssuerName}:issuer-fingerprint";
    }

    public TokenKeyKind Kind { get; }

    public string KeyArn { get; }

    /// <summary>header.payload of a real check-out's token, as ASCII: what the token's signature covers.</summary>
    public byte[] SigningInput { get; private set; } = [];

    /// <summary>Creates the key and a license, checks out once and verifies the token, and signs its input once through KMS Sign.</summary>
    /// <exception cref="InvalidOperationException">A call failed, or the token or signature is not what the scenario promises.</exception>
    public static async Task<TokenIssuer> CreateAsync(HttpClient http, LicenseManagerClient client, TokenKeyKind kind, string runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(kind);
        var created = await SetupRequests.SendAsync<Kms.CreateKeyResponse>(http, client.Kms("CreateKey", new Kms.CreateKeyRequest
        {
            KeySpec = kind.KeySpec,
            KeyUsage = "SIGN_VERIFY",
            Description = "Licentia load test: check-out token issuer",
        }), $"KMS CreateKey ({kind.KeySpec})", ct);
        var issuer = new TokenIssuer(http, client, kind, created.KeyMetadata!.Arn!, runId);
        var publicKey = (await SetupRequests.SendAsync<Kms.GetPublicKeyResponse>(
            http, client.Kms("GetPublicKey", new Kms.GetPublicKeyRequest { KeyId = issuer.KeyArn }), "KMS GetPublicKey", ct)).PublicKey!;

        await issuer.NewLicenseAsync(ct);
        var checkout = await SetupRequests.SendAsync<Lm.CheckoutLicenseResponse>(http, issuer.Checkout(), $"CheckoutLicense ({kind.Label})", ct);
        issuer.SigningInput = VerifyToken(kind, issuer.KeyArn, publicKey, checkout.SignedToken);

        var signed = await SetupRequests.SendAsync<Kms.SignResponse>(http, issuer.Sign(), $"KMS Sign ({kind.KmsAlgorithm})", ct);
        if (signed.SigningAlgorithm != kind.KmsAlgorithm || !Verify(kind, publicKey, issuer.SigningInput, signed.Signature!, kmsDer: true))
        {
            throw new InvalidOperationException($"KMS Sign with {kind.KmsAlgorithm} answered {signed.SigningAlgorithm} or a signature that does not verify.");
        }

        return issuer;
    }

    /// <summary>Issues a new license with the key (another ProductSKU of the same length); check-outs go to it from now on.</summary>
    public async Task NewLicenseAsync(CancellationToken ct)
    {
        var sku = $"LOAD-{_runId}-{Kind.Name}-{Interlocked.Increment(ref _licenses):D4}";
        await SetupRequests.SendAsync(_http, _client.Request("CreateLicense", new Lm.CreateLicenseRequest
        {
            LicenseName = "Load test " + sku,
            ProductName = "Licentia Load Test",
            ProductSKU = sku,
            Issuer = new Lm.Issuer { Name = IssuerName, SignKey = KeyArn },
            HomeRegion = KeyArn.Split(':')[3],
            Validity = new Lm.DatetimeRange { Begin = "2024-01-01T00:00:00Z" },
            Entitlements = [new Lm.Entitlement { Name = Entitlement, Unit = "None" }],
            Beneficiary = "load-test",
            ConsumptionConfiguration = new Lm.ConsumptionConfiguration
            {
                RenewType = "None",
                ProvisionalConfiguration = new Lm.ProvisionalConfiguration { MaxTimeToLiveInMinutes = 60 },
            },
            ClientToken = Guid.NewGuid().ToString(),
        }), $"CreateLicense ({Kind.Label})", ct);
        Volatile.Write(ref _sku, sku);
    }

    /// <summary>One provisional check-out; a fresh ClientToken, so the idempotency guard never replays an earlier answer.</summary>
    public HttpRequestMessage Checkout() => _client.Request("CheckoutLicense", new Lm.CheckoutLicenseRequest
    {
        ProductSKU = Volatile.Read(ref _sku),
        CheckoutType = "PROVISIONAL",
        KeyFingerprint = _fingerprint,
        Entitlements = [new Lm.EntitlementData { Name = Entitlement, Unit = "None" }],
        ClientToken = Guid.NewGuid().ToString(),
    });

    /// <summary>KMS Sign of the token's signing input, RAW, with the algorithm the token uses.</summary>
    public HttpRequestMessage Sign() => _client.Kms("Sign", new Kms.SignRequest
    {
        KeyId = KeyArn,
        Message = SigningInput,
        MessageType = "RAW",
        SigningAlgorithm = Kind.KmsAlgorithm,
    });

    // Returns the token's signing input once its header names the expected alg and key and its signature verifies.
    private static byte[] VerifyToken(TokenKeyKind kind, string keyArn, byte[] publicKey, string? token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3)
        {
            throw new InvalidOperationException($"CheckoutLicense answered no compact JWS SignedToken: '{token}'.");
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        var alg = header.RootElement.GetProperty("alg").GetString();
        var kid = header.RootElement.GetProperty("kid").GetString();
        var input = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (alg != kind.JwsAlgorithm || kid != keyArn || !Verify(kind, publicKey, input, Base64Url.DecodeFromChars(parts[2]), kmsDer: false))
        {
            throw new InvalidOperationException(
                $"The check-out token has alg {alg} and kid {kid}; expected {kind.JwsAlgorithm} and {keyArn}, with a signature that verifies.");
        }

        return input;
    }

    // JWS ECDSA signatures are r||s; KMS answers DER, as AWS KMS does.
    private static bool Verify(TokenKeyKind kind, byte[] publicKey, byte[] data, byte[] signature, bool kmsDer)
    {
        if (kind.KeySpec.StartsWith("RSA", StringComparison.Ordinal))
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(publicKey, out _);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256,
            kmsDer ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
