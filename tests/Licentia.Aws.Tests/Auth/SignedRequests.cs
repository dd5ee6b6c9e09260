using System.Text;
using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

/// <summary>Builds License Manager-style requests and signs them, for the verifier's negative tests.</summary>
public static class SignedRequests
{
    public const string TempAccessKeyId = "ASIAEXAMPLETEMP";
    public const string TempSecret = "temporary/secret+key";
    public const string TempToken = "IQoJb3JpZ2luEXAMPLE//token==";

    public static readonly DateTimeOffset Now = SigV4TestSuite.SigningTime;

    public static SigV4Request NewRequest(string body = """{"MaxResults":5}""", string rawPath = "/", string rawQuery = "")
    {
        var headers = new SigV4HeaderCollection
        {
            { "Host", "license-manager.us-east-1.amazonaws.com" },
            { "Content-Type", "application/x-amz-json-1.1" },
            { "X-Amz-Target", "AWSLicenseManager.ListLicenses" },
        };
        return new SigV4Request { Method = "POST", RawPath = rawPath, RawQuery = rawQuery, Headers = headers, Body = Encoding.UTF8.GetBytes(body) };
    }

    public static SigV4SigningParameters Parameters(
        DateTimeOffset? at = null, string service = "license-manager", string? secret = null, string accessKeyId = SigV4TestSuite.AccessKeyId, string? token = null) => new()
    {
        AccessKeyId = accessKeyId,
        SecretAccessKey = secret ?? (accessKeyId == TempAccessKeyId ? TempSecret : SigV4TestSuite.SecretAccessKey),
        SessionToken = token,
        Region = "us-east-1",
        Service = service,
        SigningTime = at ?? Now,
    };

    /// <summary>Signs the request and returns it with the headers the signer asked for applied.</summary>
    public static SigV4Request Sign(SigV4Request request, SigV4SigningParameters? parameters = null)
    {
        var result = new SigV4Signer().Sign(request, parameters ?? Parameters());
        var headers = request.Headers.Clone();
        foreach (var (name, value) in result.HeadersToSet)
        {
            headers.Set(name, value);
        }

        return With(request, headers: headers);
    }

    public static SigV4Request SignedRequest(DateTimeOffset? at = null) => Sign(NewRequest(), Parameters(at));

    public static SigV4Request Presign(SigV4Request request, TimeSpan expiresIn, SigV4SigningParameters? parameters = null)
    {
        var result = new SigV4Signer().Presign(request, parameters ?? Parameters(), expiresIn);
        return With(request, rawQuery: result.RawQuery);
    }

    /// <summary>A GET with only a Host header, as a presigned URL is used.</summary>
    public static SigV4Request NewGet(string rawQuery = "Action=GetCallerIdentity&Version=2011-06-15") => new()
    {
        Method = "GET",
        RawPath = "/",
        RawQuery = rawQuery,
        Headers = new SigV4HeaderCollection { { "Host", "sts.amazonaws.com" } },
    };

    public static SigV4Request With(
        SigV4Request request,
        SigV4HeaderCollection? headers = null,
        string? rawPath = null,
        string? rawQuery = null,
        ReadOnlyMemory<byte>? body = null,
        string? payloadSha256Hex = null,
        string? expectedService = null) => new()
    {
        Method = request.Method,
        RawPath = rawPath ?? request.RawPath,
        RawQuery = rawQuery ?? request.RawQuery,
        Headers = headers ?? request.Headers.Clone(),
        Body = body ?? request.Body,
        PayloadSha256Hex = payloadSha256Hex ?? request.PayloadSha256Hex,
        ExpectedService = expectedService ?? request.ExpectedService,
    };

    public static SigV4Request WithHeader(SigV4Request request, string name, string value)
    {
        var headers = request.Headers.Clone();
        headers.Set(name, value);
        return With(request, headers: headers);
    }

    public static SigV4Request WithoutHeader(SigV4Request request, string name)
    {
        var headers = new SigV4HeaderCollection();
        foreach (var (key, values) in request.Headers)
        {
            if (!key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    headers.Add(key, value);
                }
            }
        }

        return With(request, headers: headers);
    }

    /// <summary>A verifier knowing the suite's long-term key and one temporary key (expiring in an hour).</summary>
    public static SigV4Verifier Verifier(TimeProvider? time = null, SigV4VerifierOptions? options = null) => new(
        (key, _) => ValueTask.FromResult(key switch
        {
            SigV4TestSuite.AccessKeyId => new SigningCredential(SigV4TestSuite.SecretAccessKey, SigV4TestSuite.AccountId),
            TempAccessKeyId => new SigningCredential(TempSecret, "210987654321", TempToken, Now.AddHours(1)),
            _ => null,
        }),
        time ?? new FixedTimeProvider(Now),
        options);
}
