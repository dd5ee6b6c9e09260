using System.Diagnostics;
using System.Text.Json;
using Licentia.Aws;
using Licentia.Aws.Auth;
using Licentia.Aws.Json;
using Licentia.Aws.Query;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Licentia.Server.Hosting;

namespace Licentia.Server.Wire;

/// <summary>
/// Every AWS request enters here: read the body (bounded), tell its protocol (<see cref="WireProtocolDetector"/>),
/// verify SigV4, establish the caller's account and region, then let the protocol engine validate, dispatch and
/// serialize. JSON requests go to the JSON engine; query requests to the query engine's service named by the
/// signature's credential scope (ec2, sts). Failures before that are worded in the dialect of the service addressed.
/// Query services are registered by adding a <see cref="QueryProtocolEngine"/> singleton; without one, query
/// requests are answered InvalidAction.
/// </summary>
internal sealed partial class AwsEndpoint(
    JsonProtocolEngine engine,
    SigV4Verifier verifier,
    IOptions<LicentiaOptions> options,
    ILogger<AwsEndpoint> logger,
    QueryProtocolEngine? queryEngine = null)
{
    private readonly QueryProtocolEngine _queryEngine = queryEngine ?? new QueryProtocolEngine([]);

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var target = http.Request.Headers[JsonProtocolEngine.TargetHeader].ToString();
        var protocol = WireProtocolDetector.Detect(target, http.Request.ContentType, http.Request.QueryString.Value?.TrimStart('?') ?? "");
        (var response, target) = await AnswerAsync(http, target, protocol);
        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
        LogRequest(logger, target, response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<(AwsHttpResponse Response, string Target)> AnswerAsync(HttpContext http, string target, WireProtocol protocol)
    {
        var body = await ReadBodyAsync(http.Request, options.Value.MaxRequestBytes, http.RequestAborted);
        if (body is null)
        {
            var tooLarge = $"The request body is larger than {options.Value.MaxRequestBytes} bytes.";
            return (protocol == WireProtocol.Json
                ? Error(413, "SerializationException", tooLarge)
                : QueryProtocolEngine.ErrorResponse(AwsErrorDialect.Query, "RequestEntityTooLarge", tooLarge, 413), target);
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
        if (protocol == WireProtocol.Query)
        {
            target = WireProtocolDetector.ActionOf(parsed.RawQuery, http.Request.ContentType, body);
        }

        var verification = await verifier.VerifyAsync(new SigV4Request
        {
            Method = parsed.Method,
            RawPath = parsed.RawPath,
            RawQuery = parsed.RawQuery,
            Headers = headers,
            Body = body,
            ExpectedService = protocol == WireProtocol.Json ? SigningNameFor(target) : null,
        }, http.RequestAborted);

        var flatHeaders = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new AwsHttpRequest(http.Request.Method, http.Request.Path.Value ?? "/", flatHeaders, body)
        {
            QueryString = parsed.RawQuery,
            Services = http.RequestServices,
        };
        if (!verification.Succeeded)
        {
            // A few query operations are sent unsigned by design (STS AssumeRoleWithWebIdentity): no caller scope.
            if (protocol == WireProtocol.Query
                && verification.Failure.Reason == SigV4FailureReason.MissingAuthentication
                && _queryEngine.FindUnsignedService(request) is { } open)
            {
                return (await _queryEngine.HandleAsync(request, open.SigningName, http.RequestAborted), $"{open.SigningName}:{target}");
            }

            LogRefused(logger, target, verification.Failure.Reason.ToString());
            return (RefusedResponse(protocol, verification.Failure), target);
        }

        var identity = verification.Identity;
        var kind = Sts.SessionPrincipalPolicy.KindOf(identity.AccessKeyId);
        if (!Sts.SessionPrincipalPolicy.Allows(kind, protocol == WireProtocol.Json, identity.Service, target)
            || (kind == PrincipalKind.Session
                && !await Sts.SessionPrincipalPolicy.InHomeRegionAsync(http.RequestServices, identity.AccessKeyId, identity.Region, http.RequestAborted)))
        {
            // Session credentials (a customer without an account) are limited to license consumption: one allow-list.
            var denied = Sts.SessionPrincipalPolicy.DeniedMessage(protocol == WireProtocol.Json ? target : $"{identity.Service}:{target}");
            LogRefused(logger, target, "session principal outside its allow-list");
            return (protocol == WireProtocol.Json
                ? Error(403, "AccessDeniedException", denied)
                : QueryProtocolEngine.ErrorResponse(_queryEngine.DialectOf(identity.Service), "AccessDenied", denied, 403,
                    _queryEngine.FindService(identity.Service)?.XmlNamespace), target);
        }

        http.RequestServices.GetRequiredService<CallerContext>().Authenticate(identity.AccountId, identity.Region, identity.AccessKeyId, kind);
        return protocol == WireProtocol.Json
            ? (await engine.HandleAsync(request, http.RequestAborted), target)
            : (await _queryEngine.HandleAsync(request, identity.Service, http.RequestAborted), $"{identity.Service}:{target}");
    }

    /// <summary>A refused signature in the dialect of the service addressed (by the credential scope, when it was read).</summary>
    private AwsHttpResponse RefusedResponse(WireProtocol protocol, SigV4Failure failure)
    {
        if (protocol == WireProtocol.Json)
        {
            var json = failure.ToAwsError(AwsErrorDialect.Json);
            return Error(json.HttpStatus, json.Code, json.Message);
        }

        var service = failure.Scope?.Service;
        var dialect = _queryEngine.DialectOf(service);
        var error = failure.ToAwsError(dialect);
        return QueryProtocolEngine.ErrorResponse(dialect, error.Code, error.Message, error.HttpStatus, _queryEngine.FindService(service)?.XmlNamespace);
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
