using System.Net.Http.Headers;
using System.Text.Json;
using Licentia.Aws.Auth;
using Licentia.Aws.Json;

namespace Licentia.LoadTest;

/// <summary>
/// Builds License Manager requests (AWS JSON 1.1, POST / with X-Amz-Target) signed with SigV4 exactly as the
/// SDKs sign them: host, content-type, x-amz-date and x-amz-target, for the credential's region; and the few
/// EC2 and KMS requests the scenarios need, signed the same way for their service.
/// </summary>
internal sealed class LicenseManagerClient(Uri endpoint, SharedCredentials credentials)
{
    public const string TargetPrefix = "AWSLicenseManager.";
    private const string Service = "license-manager";
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly SigV4Signer _signer = new();
    private readonly string _host = endpoint.Authority;

    public Uri Endpoint { get; } = endpoint;

    public HttpRequestMessage Health() => new(HttpMethod.Get, new Uri(Endpoint, "health"));

    public HttpRequestMessage Request<TInput>(string operation, TInput input) =>
        Request(operation, JsonSerializer.SerializeToUtf8Bytes(input, AwsJson.SerializerOptions));

    /// <summary>An EC2 query-protocol request (form body, service "ec2"), signed as botocore signs it.</summary>
    public HttpRequestMessage Ec2(string action, params (string Name, string Value)[] parameters)
    {
        var form = string.Join('&', new[] { ("Action", action), ("Version", "2016-11-15") }.Concat(parameters)
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        return Signed(System.Text.Encoding.UTF8.GetBytes(form), "ec2", "application/x-www-form-urlencoded; charset=utf-8", target: null);
    }

    public HttpRequestMessage Request(string operation, byte[] body) => Signed(body, Service, ContentType, TargetPrefix + operation);

    /// <summary>A KMS request (AWS JSON 1.1, X-Amz-Target TrentService.*, service "kms"), signed as the SDKs sign it.</summary>
    public HttpRequestMessage Kms<TInput>(string operation, TInput input) =>
        Signed(JsonSerializer.SerializeToUtf8Bytes(input, AwsJson.SerializerOptions), "kms", ContentType, "TrentService." + operation);

    /// <summary>A Systems Manager request (AWS JSON 1.1, X-Amz-Target AmazonSSM.*, service "ssm"), signed as the SDKs sign it.</summary>
    public HttpRequestMessage Ssm<TInput>(string operation, TInput input) =>
        Signed(JsonSerializer.SerializeToUtf8Bytes(input, AwsJson.SerializerOptions), "ssm", ContentType, "AmazonSSM." + operation);

    private HttpRequestMessage Signed(byte[] body, string service, string contentType, string? target)
    {
        var headers = new SigV4HeaderCollection();
        headers.Add("Host", _host);
        headers.Add("Content-Type", contentType);
        if (target is not null)
        {
            headers.Add("X-Amz-Target", target);
        }
        var signing = _signer.Sign(
            new SigV4Request { Method = "POST", RawPath = "/", Headers = headers, Body = body },
            new SigV4SigningParameters
            {
                AccessKeyId = credentials.AccessKeyId,
                SecretAccessKey = credentials.SecretAccessKey,
                Region = credentials.Region,
                Service = service,
                SigningTime = DateTimeOffset.UtcNow,
            });

        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
        };
        if (target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }
        foreach (var (name, value) in signing.HeadersToSet)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
