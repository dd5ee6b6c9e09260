using System.Globalization;

namespace Licentia.Aws.Auth;

/// <summary>
/// Signs requests with SigV4, in the header form or as a presigned URL, using the same
/// canonicalization as <see cref="SigV4Verifier"/>. Every header of the request is signed except
/// those that proxies or HTTP stacks rewrite; pass only headers that will be sent unchanged.
/// </summary>
public sealed class SigV4Signer
{
    // Headers intermediaries add, drop or rewrite: signing them would break otherwise valid requests.
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "expect", "x-amzn-trace-id", "connection", "transfer-encoding",
    };

    private readonly SigningKeyCache _signingKeys;

    public SigV4Signer(SigningKeyCache? signingKeyCache = null)
    {
        _signingKeys = signingKeyCache ?? new SigningKeyCache(16);
    }

    public SigV4SigningResult Sign(SigV4Request request, SigV4SigningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);

        var amzDate = AmzDate.Format(parameters.SigningTime);
        var headers = request.Headers.Clone();
        var toSet = new List<KeyValuePair<string, string>>();
        void SetHeader(string name, string value)
        {
            headers.Set(name, value);
            toSet.Add(new(name, value));
        }

        SetHeader(SigV4Names.AmzDateHeader, amzDate);
        if (parameters.SessionToken is { } token && !headers.Contains(SigV4Names.SecurityTokenHeader))
        {
            SetHeader(SigV4Names.SecurityTokenHeader, token);
        }

        var payloadHash = PayloadHash(request, parameters);
        if (parameters.IncludeContentSha256Header)
        {
            SetHeader(SigV4Names.ContentSha256Header, payloadHash);
        }

        var scope = Scope(parameters);
        var signedHeaderNames = SignedHeaderNames(headers);
        var parts = Compute(request, parameters, headers, signedHeaderNames, request.RawQuery, payloadHash, amzDate, scope);
        var authorization =
            $"{SigV4Names.Algorithm} Credential={parameters.AccessKeyId}/{scope}, "
            + $"SignedHeaders={string.Join(';', signedHeaderNames)}, Signature={parts.Signature}";
        toSet.Add(new(SigV4Names.AuthorizationHeader, authorization));
        return new SigV4SigningResult(parts.CanonicalRequest, parts.StringToSign, parts.Signature, authorization, toSet);
    }

    /// <summary>Presigns the request for <paramref name="expiresIn"/> (1 second to 7 days, whole seconds).</summary>
    public SigV4PresignResult Presign(SigV4Request request, SigV4SigningParameters parameters, TimeSpan expiresIn)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);
        var seconds = (long)expiresIn.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1, nameof(expiresIn));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, SigV4Names.MaxPresignedExpirySeconds, nameof(expiresIn));

        var amzDate = AmzDate.Format(parameters.SigningTime);
        var scope = Scope(parameters);
        var signedHeaderNames = SignedHeaderNames(request.Headers);
        var added = new List<KeyValuePair<string, string>>
        {
            new(SigV4Names.AlgorithmParameter, SigV4Names.Algorithm),
            new(SigV4Names.CredentialParameter, $"{parameters.AccessKeyId}/{scope}"),
            new(SigV4Names.DateParameter, amzDate),
            new(SigV4Names.ExpiresParameter, seconds.ToString(CultureInfo.InvariantCulture)),
            new(SigV4Names.SignedHeadersParameter, string.Join(';', signedHeaderNames)),
        };
        if (parameters.SessionToken is { } token)
        {
            added.Add(new(SigV4Names.SecurityTokenParameter, token));
        }

        var original = request.RawQuery.StartsWith('?') ? request.RawQuery[1..] : request.RawQuery;
        var rawQuery = string.Join('&', added
            .Select(p => AwsUriEncoding.Encode(p.Key, keepSlash: false) + "=" + AwsUriEncoding.Encode(p.Value, keepSlash: false))
            .Prepend(original)
            .Where(static p => p.Length > 0));

        // S3 presigned URLs sign UNSIGNED-PAYLOAD, since whoever uses the URL chooses the body.
        var payloadHash = CanonicalUri.IsS3(parameters.Service) ? SigV4Names.UnsignedPayload : PayloadHash(request, parameters);
        var parts = Compute(request, parameters, request.Headers, signedHeaderNames, rawQuery, payloadHash, amzDate, scope);
        var canonicalQuery = CanonicalQueryString.FromRawQuery(rawQuery);
        return new SigV4PresignResult(
            parts.CanonicalRequest, parts.StringToSign, parts.Signature,
            $"{canonicalQuery}&{SigV4Names.SignatureParameter}={parts.Signature}");
    }

    private SignatureParts Compute(
        SigV4Request request,
        SigV4SigningParameters parameters,
        SigV4HeaderCollection headers,
        IReadOnlyList<string> signedHeaderNames,
        string rawQuery,
        string payloadHash,
        string amzDate,
        CredentialScope scope)
    {
        if (!headers.Contains(SigV4Names.HostHeader))
        {
            throw new InvalidOperationException("SigV4 requires a Host header: the host is always signed.");
        }

        return SignatureComputation.Compute(
            request.Method,
            CanonicalUri.FromRawPath(request.RawPath, parameters.Service),
            CanonicalQueryString.FromRawQuery(rawQuery),
            headers,
            signedHeaderNames,
            payloadHash,
            amzDate,
            scope,
            _signingKeys.GetOrDerive(parameters.SecretAccessKey, scope.Date, scope.Region, scope.Service).Span);
    }

    private static CredentialScope Scope(SigV4SigningParameters parameters) =>
        new(AmzDate.FormatDate(parameters.SigningTime), parameters.Region, parameters.Service);

    private static string PayloadHash(SigV4Request request, SigV4SigningParameters parameters)
    {
        if (parameters.UnsignedPayload)
        {
            return SigV4Names.UnsignedPayload;
        }

        return request.PayloadSha256Hex is { } given ? given.ToLowerInvariant() : Sha256.Hex(request.Body.Span);
    }

    private static string[] SignedHeaderNames(SigV4HeaderCollection headers) =>
        headers.Names
            .Where(static n => !UnsignedHeaders.Contains(n))
            .Select(static n => n.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
