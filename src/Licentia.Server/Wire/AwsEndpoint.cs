using System.Diagnostics;
using System.Text.Json;
using Licentia.Aws;
using Licentia.Aws.Auth;
using Licentia.Aws.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Licentia.Server.Hosting;

namespace Licentia.Server.Wire;

/// <summary>
/// Every AWS request enters here: read the body (bounded), verify SigV4, establish the caller's
/// account and region, then let the protocol engine validate, dispatch and serialize.
/// </summary>
internal sealed partial class AwsEndpoint(
    JsonProtocolEngine engine,
    SigV4Verifier verifier,
    IOptions<LicentiaOptions> options,
    ILogger<AwsEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var target = http.Request.Headers[JsonProtocolEngine.TargetHeader].ToString();
        var response = await AnswerAsync(http, target);
        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
        LogRequest(logger, target, response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<AwsHttpResponse> AnswerAsync(HttpContext http, string target)
    {
        var body = await ReadBodyAsync(http.Request, options.Value.MaxRequestBytes, http.RequestAborted);
        if (body is null)
        {
            return Error(413, "SerializationException", $"The request body is larger than {options.Value.MaxRequestBytes} bytes.");
        }

        var headers = new SigV4HeaderCollection();
        foreach (var (name, values) in http.Request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add(name, value ?? "");
            }
        }

        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.Request.Path + http.Request.QueryString).ToString();
        var parsed = SigV4Request.FromRawTarget(http.Request.Method, rawTarget, headers);
        var verification = await verifier.VerifyAsync(new SigV4Request
        {
            Method = parsed.Method,
            RawPath = parsed.RawPath,
            RawQuery = parsed.RawQuery,
            Headers = headers,
            Body = body,
            ExpectedService = SigningNameFor(target),
        }, http.RequestAborted);
        if (!verification.Succeeded)
        {
            var error = verification.Failure.ToAwsError(AwsErrorDialect.Json);
            LogRefused(logger, target, verification.Failure.Reason.ToString());
            return Error(error.HttpStatus, error.Code, error.Message);
        }

        var identity = verification.Identity;
        http.RequestServices.GetRequiredService<CallerContext>().Authenticate(identity.AccountId, identity.Region, identity.AccessKeyId);

        var flatHeaders = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return await engine.HandleAsync(new AwsHttpRequest(http.Request.Method, http.Request.Path.Value ?? "/", flatHeaders, body)
        {
            Services = http.RequestServices,
        }, http.RequestAborted);
    }

    /// <summary>The service the signature must be scoped to, when the target names a known service.</summary>
    private string? SigningNameFor(string target)
    {
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var prefix = target[..dot];
        return engine.Services.FirstOrDefault(s => s.TargetPrefix == prefix)?.Model.Metadata.SigningName;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static AwsHttpResponse Error(int status, string code, string message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["__type"] = code, ["message"] = message });
        return new AwsHttpResponse(status, new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-amz-json-1.1",
            [JsonProtocolEngine.RequestIdHeader] = Guid.NewGuid().ToString(),
            [JsonProtocolEngine.ErrorTypeHeader] = code,
        }, body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Target} answered {Status} in {Milliseconds:F1} ms")]
    private static partial void LogRequest(ILogger logger, string target, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Target} refused: authentication failed ({Reason})")]
    private static partial void LogRefused(ILogger logger, string target, string reason);
}
