using System.Net;
using System.Text;
using System.Text.Json;
using Licentia.Aws.Auth;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests;

/// <summary>Requests no SDK would send, answered with an AWS error shape and never a 500.</summary>
public sealed class HttpEdgeTests
{
    [Fact]
    public async Task Health_answers_once_the_server_serves()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.Endpoint + "/health"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Odd_requests_get_client_errors_with_an_error_type()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var profile = CredentialsProfile.Parse(await File.ReadAllTextAsync(server.CredentialsFile));
        using var http = new HttpClient();

        // Too large a body: refused before anything is parsed.
        var huge = new string(' ', 5 * 1024 * 1024);
        var (status, type) = await SendAsync(http, server, profile, "AWSLicenseManager.ListLicenseConfigurations", "{" + huge + "}", "license-manager");
        Assert.Equal(413, status);
        Assert.Equal("SerializationException", type);

        // Signed for another service than the target's.
        (status, type) = await SendAsync(http, server, profile, "AWSLicenseManager.ListLicenseConfigurations", "{}", "kms-other");
        Assert.Equal(400, status);
        Assert.Equal("InvalidSignatureException", type);

        // An operation of the model that is not implemented yet.
        (status, type) = await SendAsync(http, server, profile, "AWSLicenseManager.GetServiceSettings", "{}", "license-manager");
        Assert.Equal(501, status);
        Assert.Equal("NotImplemented", type);
    }

    private static async Task<(int Status, string? Type)> SendAsync(
        HttpClient http, LicentiaServerProcess server, CredentialsProfile profile, string target, string body, string service)
    {
        var uri = new Uri(server.Endpoint + "/");
        var headers = new SigV4HeaderCollection();
        headers.Set("Host", uri.Authority);
        headers.Set("Content-Type", "application/x-amz-json-1.1");
        headers.Set("X-Amz-Target", target);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = SigV4Request.FromRawTarget("POST", "/", headers, bytes);
        var signed = new SigV4Signer().Sign(request, new SigV4SigningParameters
        {
            AccessKeyId = profile.AccessKeyId,
            SecretAccessKey = profile.SecretAccessKey,
            Region = "us-east-1",
            Service = service,
            SigningTime = DateTimeOffset.UtcNow,
        });

        using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signed.HeadersToSet)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var type = text.Length > 0 && JsonDocument.Parse(text).RootElement.TryGetProperty("__type", out var t) ? t.GetString() : null;
        return ((int)response.StatusCode, type);
    }
}
