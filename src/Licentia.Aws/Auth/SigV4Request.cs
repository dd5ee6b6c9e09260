namespace Licentia.Aws.Auth;

/// <summary>
/// A request exactly as the server received it, which is what SigV4 signs: the path and query are
/// the raw, still percent-encoded text of the request target, never a decoded form.
/// </summary>
/// <remarks>
/// From ASP.NET Core, use <c>IHttpRequestFeature.RawTarget</c> (HttpRequest.Path is decoded, and
/// decoding changes what was signed), every value of every header, and the buffered body:
/// <code>
/// var headers = new SigV4HeaderCollection();
/// foreach (var (name, values) in http.Request.Headers)
///     foreach (var value in values) if (value is not null) headers.Add(name, value);
/// var request = SigV4Request.FromRawTarget(http.Request.Method,
///     http.Features.GetRequiredFeature&lt;IHttpRequestFeature&gt;().RawTarget, headers, body);
/// </code>
/// </remarks>
public sealed record SigV4Request
{
    public required string Method { get; init; }

    /// <summary>The path as sent on the wire, still percent-encoded (for ASP.NET: from IHttpRequestFeature.RawTarget).</summary>
    public required string RawPath { get; init; }

    /// <summary>The query as sent on the wire, without the leading '?'; empty when there is none.</summary>
    public string RawQuery { get; init; } = "";

    public required SigV4HeaderCollection Headers { get; init; }

    /// <summary>The body. Ignored when <see cref="PayloadSha256Hex"/> is given.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The hex SHA-256 of the body, when the host has already hashed it while reading.</summary>
    public string? PayloadSha256Hex { get; init; }

    /// <summary>When set, the credential scope must name this service (the verifier otherwise accepts any).</summary>
    public string? ExpectedService { get; init; }

    /// <summary>
    /// Builds a request from the raw request target (origin form "/path?query", or absolute form
    /// "http://host/path?query" as proxies send it).
    /// </summary>
    public static SigV4Request FromRawTarget(
        string method, string rawTarget, SigV4HeaderCollection headers, ReadOnlyMemory<byte> body = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(rawTarget);
        ArgumentNullException.ThrowIfNull(headers);

        var target = rawTarget;
        var schemeEnd = target.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && !target.StartsWith('/'))
        {
            var pathStart = target.IndexOf('/', schemeEnd + 3);
            var queryStart = target.IndexOf('?', schemeEnd + 3);
            target = pathStart >= 0 && (queryStart < 0 || pathStart < queryStart)
                ? target[pathStart..]
                : "/" + (queryStart >= 0 ? target[queryStart..] : "");
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return new SigV4Request
        {
            Method = method,
            RawPath = question < 0 ? target : target[..question],
            RawQuery = question < 0 ? "" : target[(question + 1)..],
            Headers = headers,
            Body = body,
        };
    }
}
