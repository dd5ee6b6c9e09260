using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Licentia.Aws.Auth;

namespace Licentia.Agent;

/// <summary>An answer from the server: status and body. Retryable when the server could not be reached or was overloaded.</summary>
internal sealed record ServerAnswer(int Status, string Body)
{
    /// <summary>The server's certificate was refused: no HTTP status, and nothing a retry would change.</summary>
    public const int UntrustedServer = -1;

    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Network failures (status 0), throttling and server faults are worth retrying; other refusals are not.</summary>
    public bool Retryable => Status is 0 or 408 or 429 or >= 500;

    public string ErrorCode
    {
        get
        {
            try
            {
                using var doc = JsonDocument.Parse(Body);
                return doc.RootElement.TryGetProperty("__type", out var type) ? type.GetString() ?? "" : "";
            }
            catch (JsonException)
            {
                return "";
            }
        }
    }

    public override string ToString() => Status == 0 ? Body : $"HTTP {Status}: {Body}";
}

/// <summary>
/// Every connection the agent makes: outgoing HTTPS (or HTTP for a loopback test server) to the Licentia endpoint,
/// with certificate verification against the system store or, with --ca-file, against a private CA bundle.
/// Nothing listens. SSM calls are signed with SigV4 by the node's own key.
/// </summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly SigV4Signer _signer = new();
    private readonly TimeProvider _time;

    public ServerConnection(string endpoint, string? caFile, TimeSpan timeout, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _endpoint = new Uri(endpoint.TrimEnd('/') + "/");
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caFile is not null)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedByBundle(certificate, errors, roots);
        }

        _http = new HttpClient(handler) { Timeout = timeout };
    }

    public async Task<ServerAnswer> PostJsonAsync(string path, string json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, path.TrimStart('/')))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, ct);
    }

    /// <summary>An SSM JSON 1.1 call (X-Amz-Target AmazonSSM.&lt;operation&gt;) signed with the node's credentials.</summary>
    public async Task<ServerAnswer> CallSsmAsync(AgentCredentials credentials, string operation, string json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var body = Encoding.UTF8.GetBytes(json);
        var headers = new SigV4HeaderCollection();
        headers.Add("Host", _endpoint.Authority);
        headers.Add("Content-Type", "application/x-amz-json-1.1");
        headers.Add("X-Amz-Target", "AmazonSSM." + operation);
        var signed = _signer.Sign(
            new SigV4Request { Method = "POST", RawPath = _endpoint.AbsolutePath, Headers = headers, Body = body },
            new SigV4SigningParameters
            {
                AccessKeyId = credentials.AccessKeyId,
                SecretAccessKey = credentials.SecretAccessKey,
                Region = credentials.Region,
                Service = "ssm",
                SigningTime = _time.GetUtcNow(),
            });
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonSSM." + operation);
        foreach (var (name, value) in signed.HeadersToSet)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await SendAsync(request, ct);
    }

    public void Dispose() => _http.Dispose();

    private async Task<ServerAnswer> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return new ServerAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            // Not worth retrying: the same certificate will be presented again. Say what to do about it.
            return new ServerAnswer(ServerAnswer.UntrustedServer,
                $"the TLS connection to {_endpoint} failed: {error.InnerException?.Message ?? error.Message} " +
                "If a private CA issued the server's certificate, pass --ca-file with that CA's PEM bundle.");
        }
        catch (HttpRequestException error)
        {
            return new ServerAnswer(0, $"cannot reach {_endpoint}: {error.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ServerAnswer(0, $"{_endpoint} did not answer in time");
        }
    }

    // The server's chain must end in a certificate of the bundle; name mismatches are never forgiven.
    private static bool TrustedByBundle(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    internal static bool IsLoopback(Uri endpoint) => endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out var ip) && IPAddress.IsLoopback(ip));
}
