using System.Net.Http.Headers;
using System.Text.Json;
using Licentia.Aws.Auth;
using Licentia.Aws.Json;

namespace Licentia.LoadTest;

/// <summary>
/// Builds License Manager requests (AWS JSON 1.1, POST / with X-Amz-Target) signed with SigV4 exactly as the
/// SDKs sign them: host, content-type, x-amz-date and x-amz-target, for the credential's region.
/// </summary>
internal sealed class LicenseManagerClient(Uri endpoint, SharedCredentials credentials)
{
    public const string TargetPrefix = "AWSLicenseManager.";
    private const string Service = "license-manager";
    private const string ContentType = "application/x-amz-json-1.1";

    private static readonly MediaTypeHeaderValue ContentTypeHeader = MediaTypeHeaderValue.Parse(ContentType);

    private readonly SigV4Signer _signer = new();
    private readonly string _host = endpoint.Authority;

    public Uri Endpoint { get; } = endpoint;

    public HttpRequestMessage Health() => new(HttpMethod.Get, new Uri(Endpoint, "health"));

    public HttpRequestMessage Request<TInput>(string operation, TInput input) =>
        Request(operation, JsonSerializer.SerializeToUtf8Bytes(input, AwsJson.SerializerOptions));

    public HttpRequestMessage Request(string operation, byte[] body)
    {
        var target = TargetPrefix + operation;
        var headers = new SigV4HeaderCollection();
        headers.Add("Host", _host);
        headers.Add("Content-Type", ContentType);
        headers.Add("X-Amz-Target", target);
        var signing = _signer.Sign(
            new SigV4Request { Method = "POST", RawPath = "/", Headers = headers, Body = body },
            new SigV4SigningParameters
            {
                AccessKeyId = credentials.AccessKeyId,
                SecretAccessKey = credentials.SecretAccessKey,
                Region = credentials.Region,
                Service = Service,
                SigningTime = DateTimeOffset.UtcNow,
            });

        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = ContentTypeHeader } },
        };
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signing.HeadersToSet)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
