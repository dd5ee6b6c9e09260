using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

/// <summary>
/// Cross-checks against a signer nobody here wrote: botocore (the engine of the aws CLI and boto3)
/// signs JSON, query, presigned and S3 requests, including encoded paths and odd query strings;
/// the verifier must accept each exactly as it would arrive, and our signer must produce the same
/// signature for the same inputs.
/// </summary>
public sealed class BotocoreInteropTests
{
    private const string TempAccessKeyId = "ASIATEMPEXAMPLE";
    private const string TempSecret = "tempSecretKeyExample/abc+def";
    private const string TempToken = "FwoGZXIvYXdzEXAMPLETOKEN//+==";

    private const string Script = """
import base64, json, sys
from urllib.parse import urlsplit
from botocore.auth import SigV4Auth, SigV4QueryAuth, S3SigV4Auth, S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
temp = Credentials("ASIATEMPEXAMPLE", "tempSecretKeyExample/abc+def", "FwoGZXIvYXdzEXAMPLETOKEN//+==")
out = []

def emit(name, signer, method, url, service, region, data=b"", headers=None, context=None):
    req = AWSRequest(method=method, url=url, data=data, headers=headers or {})
    if context:
        req.context.update(context)
    signer.add_auth(req)
    p = req.prepare()
    parts = urlsplit(p.url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    body = p.body or b""
    if isinstance(body, str):
        body = body.encode()
    hdrs = [[k, v.decode() if isinstance(v, bytes) else v] for k, v in p.headers.items()]
    if not any(k.lower() == "host" for k, _ in hdrs):
        hdrs.append(["Host", parts.netloc])
    out.append({"name": name, "method": p.method, "target": target, "headers": hdrs,
                "body": base64.b64encode(body).decode(), "service": service, "region": region})

emit("json-protocol", SigV4Auth(creds, "license-manager", "us-west-2"), "POST",
     "https://license-manager.us-west-2.amazonaws.com/", "license-manager", "us-west-2",
     data=b'{"MaxResults": 5}',
     headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSLicenseManager.ListLicenses"})
emit("encoded-path-and-query", SigV4Auth(creds, "execute-api", "eu-central-1"), "GET",
     "https://example.amazonaws.com/a%20b/c%2Fd/%E1%88%B4/x+y/./z/?q=a%20b&q=%2B&z=~&empty=&flag&%E1%88%B4=%24",
     "execute-api", "eu-central-1")
emit("query-protocol", SigV4Auth(creds, "sts", "us-east-1"), "POST",
     "https://sts.amazonaws.com/", "sts", "us-east-1",
     data=b"Action=GetCallerIdentity&Version=2011-06-15",
     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
emit("session-token", SigV4Auth(temp, "kms", "ap-south-1"), "POST",
     "https://kms.ap-south-1.amazonaws.com/", "kms", "ap-south-1",
     data=b"{}", headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "TrentService.ListKeys"})
emit("presigned-sts", SigV4QueryAuth(creds, "sts", "us-east-1", expires=900), "GET",
     "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15", "sts", "us-east-1")
emit("presigned-session-token", SigV4QueryAuth(temp, "sts", "us-east-1", expires=60), "GET",
     "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15", "sts", "us-east-1")
emit("s3-signed-payload", S3SigV4Auth(creds, "s3", "us-east-1"), "PUT",
     "https://bucket.s3.amazonaws.com/my%20key/a~b%2Bc", "s3", "us-east-1", data=b"hello s3")
emit("s3-unsigned-payload", S3SigV4Auth(creds, "s3", "us-east-1"), "PUT",
     "https://bucket.s3.amazonaws.com/unsigned", "s3", "us-east-1", data=b"streamed",
     headers={"Content-MD5": "Bf9UNy8RsCYCoTDv8aKy5Q=="}, context={"payload_signing_enabled": False})
emit("s3-presigned", S3SigV4QueryAuth(creds, "s3", "us-east-1", expires=3600), "GET",
     "https://bucket.s3.amazonaws.com/photos/2024%20trip.jpg", "s3", "us-east-1")
json.dump(out, sys.stdout)

""";

    [Fact]
    public async Task Verifier_accepts_every_request_botocore_signs()
    {
        var requests = await SignWithBotocore();
        Assert.Equal(9, requests.Count);
        var verifier = new SigV4Verifier(Lookup, TimeProvider.System);

        foreach (var signed in requests)
        {
            var result = await verifier.VerifyAsync(signed.Request);

            Assert.True(result.Succeeded, $"{signed.Name}: {result}");
            Assert.Equal(signed.Region, result.Identity.Region);
            Assert.Equal(signed.Service, result.Identity.Service);
        }
    }

    [Fact]
    public async Task Signer_matches_botocore_signatures()
    {
        var signer = new SigV4Signer();
        foreach (var signed in await SignWithBotocore())
        {
            var request = signed.Request;
            var presigned = CanonicalQueryString.Parse(request.RawQuery).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
            var isTemp = (request.Headers.GetFirst("Authorization") ?? presigned[SigV4Names.CredentialParameter]).Contains(TempAccessKeyId, StringComparison.Ordinal);
            string expected, actual;
            if (presigned.TryGetValue(SigV4Names.SignatureParameter, out var signature))
            {
                var original = string.Join('&', request.RawQuery.Split('&').Where(p => !p.StartsWith("X-Amz-", StringComparison.Ordinal)));
                var unsigned = new SigV4Request { Method = request.Method, RawPath = request.RawPath, RawQuery = original, Headers = OnlyHost(request.Headers) };
                var time = DateTimeOffset.ParseExact(presigned[SigV4Names.DateParameter], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                var expires = TimeSpan.FromSeconds(int.Parse(presigned[SigV4Names.ExpiresParameter], CultureInfo.InvariantCulture));
                expected = signature;
                actual = signer.Presign(unsigned, Parameters(signed, time, isTemp, unsignedPayload: false), expires).Signature;
            }
            else
            {
                var authorization = request.Headers.GetFirst("Authorization")!;
                var signedNames = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
                var headers = new SigV4HeaderCollection();
                foreach (var name in signedNames)
                {
                    headers.Add(name, request.Headers.GetFirst(name)!);
                }

                var unsigned = new SigV4Request { Method = request.Method, RawPath = request.RawPath, RawQuery = request.RawQuery, Headers = headers, Body = request.Body };
                var time = DateTimeOffset.ParseExact(request.Headers.GetFirst("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                var unsignedPayload = request.Headers.GetFirst(SigV4Names.ContentSha256Header) == SigV4Names.UnsignedPayload;
                expected = authorization;
                actual = signer.Sign(unsigned, Parameters(signed, time, isTemp, unsignedPayload)).Authorization;
            }

            Assert.True(expected == actual, $"{signed.Name}: botocore {expected} but we {actual}");
        }
    }

    private static SigV4SigningParameters Parameters(BotocoreRequest signed, DateTimeOffset time, bool temporary, bool unsignedPayload) => new()
    {
        AccessKeyId = temporary ? TempAccessKeyId : SigV4TestSuite.AccessKeyId,
        SecretAccessKey = temporary ? TempSecret : SigV4TestSuite.SecretAccessKey,
        SessionToken = temporary ? TempToken : null,
        Region = signed.Region,
        Service = signed.Service,
        SigningTime = time,
        UnsignedPayload = unsignedPayload,
    };

    private static SigV4HeaderCollection OnlyHost(SigV4HeaderCollection headers)
    {
        var host = new SigV4HeaderCollection();
        host.Add("Host", headers.GetFirst("Host")!);
        return host;
    }

    private static ValueTask<SigningCredential?> Lookup(string accessKeyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(accessKeyId switch
        {
            SigV4TestSuite.AccessKeyId => new SigningCredential(SigV4TestSuite.SecretAccessKey, SigV4TestSuite.AccountId),
            TempAccessKeyId => new SigningCredential(TempSecret, SigV4TestSuite.AccountId, TempToken),
            _ => null,
        });

    private static async Task<List<BotocoreRequest>> SignWithBotocore()
    {
        var scriptPath = Path.Combine(Path.GetTempPath(), $"licentia-botosign-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(scriptPath, Script);
        try
        {
            var start = new ProcessStartInfo("python3", [scriptPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await stderr);
            using var document = JsonDocument.Parse(await stdout);
            return document.RootElement.EnumerateArray().Select(BotocoreRequest.FromJson).ToList();
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    private sealed record BotocoreRequest(string Name, string Region, string Service, SigV4Request Request)
    {
        public static BotocoreRequest FromJson(JsonElement element)
        {
            var headers = new SigV4HeaderCollection();
            foreach (var pair in element.GetProperty("headers").EnumerateArray())
            {
                headers.Add(pair[0].GetString()!, pair[1].GetString()!);
            }

            var request = SigV4Request.FromRawTarget(
                element.GetProperty("method").GetString()!,
                element.GetProperty("target").GetString()!,
                headers,
                Convert.FromBase64String(element.GetProperty("body").GetString()!));
            return new(element.GetProperty("name").GetString()!, element.GetProperty("region").GetString()!, element.GetProperty("service").GetString()!, request);
        }
    }
}
