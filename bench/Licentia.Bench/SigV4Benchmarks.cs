using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Licentia.Aws.Auth;

namespace Licentia.Bench;

/// <summary>
/// SigV4 verification of a signed ListLicenseConfigurations request as boto3 sends it, which every
/// AWS request pays before anything else. Baseline: one bare HMAC-SHA256 over the same
/// string-to-sign, the least work any verification must do.
/// </summary>
[MemoryDiagnoser]
public class SigV4Benchmarks
{
    private const string Service = "license-manager";
    private const string Region = "us-east-1";
    private static readonly DateTimeOffset SigningTime = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = "{\"MaxResults\":20}"u8.ToArray();

    // Two access keys: alternating between them with a one-entry cache makes every verification derive its key.
    private readonly (string AccessKeyId, string Secret)[] _keys =
    [
        ("AKIALICENTIABENCH001", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYBENCHKEY01"),
        ("AKIALICENTIABENCH002", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYBENCHKEY02"),
    ];

    private readonly SigV4Request[] _signed = new SigV4Request[2];
    private SigV4Verifier _warm = null!;
    private SigV4Verifier _cold = null!;
    private SigV4Signer _signer = null!;
    private SigV4Request _unsigned = null!;
    private byte[] _signingKey = null!;
    private byte[] _stringToSign = null!;
    private IncrementalHash _hmac = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _signer = new SigV4Signer();
        _unsigned = UnsignedRequest();
        var credentials = _keys.ToDictionary(k => k.AccessKeyId, k => new SigningCredential(k.Secret, "123456789012"), StringComparer.Ordinal);
        ValueTask<SigningCredential?> Lookup(string accessKeyId, CancellationToken ct) => ValueTask.FromResult(credentials.GetValueOrDefault(accessKeyId));
        var clock = new FixedTimeProvider(SigningTime.AddSeconds(3));
        _warm = new SigV4Verifier(Lookup, clock);
        _cold = new SigV4Verifier(Lookup, clock, new SigV4VerifierOptions { SigningKeyCacheCapacity = 1 });

        for (var i = 0; i < _keys.Length; i++)
        {
            var signing = _signer.Sign(_unsigned, Parameters(_keys[i].AccessKeyId, _keys[i].Secret));
            var headers = _unsigned.Headers.Clone();
            foreach (var (name, value) in signing.HeadersToSet)
            {
                headers.Set(name, value);
            }

            // Sent by boto3 but not signed.
            headers.Set("User-Agent", "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux lang/python#3.11.2");
            headers.Set("Content-Length", Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _signed[i] = new SigV4Request
            {
                Method = "POST",
                RawPath = "/",
                Headers = headers,
                Body = Body,
                ExpectedService = Service,
            };
            _stringToSign = Encoding.UTF8.GetBytes(signing.StringToSign);
        }

        _signingKey = SigningKey.Derive(_keys[0].Secret, "20250602", Region, Service);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _signingKey);
        foreach (var verifier in new[] { _warm, _cold })
        {
            foreach (var request in _signed)
            {
                var result = verifier.VerifyAsync(request).AsTask().GetAwaiter().GetResult();
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("The benchmark's request does not verify: " + result);
                }
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hmac.Dispose();

    [Benchmark(Baseline = true, Description = "bare HMAC-SHA256 of the string to sign")]
    public byte[] BareHmacSha256() => HMACSHA256.HashData(_signingKey, _stringToSign);

    [Benchmark(Description = "HMAC-SHA256 of the string to sign, reused IncrementalHash")]
    public byte[] ReusedHmacSha256()
    {
        _hmac.AppendData(_stringToSign);
        return _hmac.GetHashAndReset();
    }

    [Benchmark(Description = "derive signing key (4 HMACs)")]
    public byte[] DeriveSigningKey() => SigningKey.Derive(_keys[0].Secret, "20250602", Region, Service);

    [Benchmark(Description = "verify, signing-key cache warm")]
    public ValueTask<SigV4VerificationResult> VerifyWarm() => _warm.VerifyAsync(_signed[_next ^= 1]);

    [Benchmark(Description = "verify, signing-key cache cold")]
    public ValueTask<SigV4VerificationResult> VerifyCold() => _cold.VerifyAsync(_signed[_next ^= 1]);

    [Benchmark(Description = "sign (client side, as the load test does)")]
    public SigV4SigningResult Sign() => _signer.Sign(_unsigned, Parameters(_keys[0].AccessKeyId, _keys[0].Secret));

    private static SigV4Request UnsignedRequest()
    {
        var headers = new SigV4HeaderCollection();
        headers.Add("Host", "127.0.0.1:4650");
        headers.Add("Content-Type", "application/x-amz-json-1.1");
        headers.Add("X-Amz-Target", "AWSLicenseManager.ListLicenseConfigurations");
        return new SigV4Request { Method = "POST", RawPath = "/", Headers = headers, Body = Body };
    }

    private static SigV4SigningParameters Parameters(string accessKeyId, string secret) => new()
    {
        AccessKeyId = accessKeyId,
        SecretAccessKey = secret,
        Region = Region,
        Service = Service,
        SigningTime = SigningTime,
    };
}
