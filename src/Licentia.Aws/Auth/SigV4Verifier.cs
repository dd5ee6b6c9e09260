using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 on an incoming request, in the Authorization-header form or
/// the presigned-URL form. Checks run in the order AWS runs them (form, syntax, time, host,
/// algorithm, scope, key, signature, token) so that a client sees the error AWS would show it.
/// </summary>
public sealed class SigV4Verifier
{
    private readonly Func<string, CancellationToken, ValueTask<SigningCredential?>> _credentialLookup;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _allowedSkew;
    private readonly SigningKeyCache _signingKeys;

    public SigV4Verifier(
        Func<string, CancellationToken, ValueTask<SigningCredential?>> credentialLookup,
        TimeProvider timeProvider,
        SigV4VerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentialLookup);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new SigV4VerifierOptions();
        _credentialLookup = credentialLookup;
        _timeProvider = timeProvider;
        _allowedSkew = options.AllowedClockSkew;
        _signingKeys = new SigningKeyCache(options.SigningKeyCacheCapacity);
    }

    public async ValueTask<SigV4VerificationResult> VerifyAsync(SigV4Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var (auth, parseFailure) = SigV4AuthParser.Parse(request, CanonicalQueryString.Parse(request.RawQuery));
        if (parseFailure is not null)
        {
            return SigV4VerificationResult.Fail(parseFailure);
        }

        var now = _timeProvider.GetUtcNow();
        if (CheckTime(auth!, now) is { } timeFailure)
        {
            return SigV4VerificationResult.Fail(timeFailure);
        }

        var signedHeaderNames = auth!.SignedHeaders.Split(';');
        if (!signedHeaderNames.Any(static n => n.Equals("host", StringComparison.OrdinalIgnoreCase) || n == ":authority"))
        {
            return Fail(SigV4FailureReason.HostHeaderNotSigned,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (auth.Algorithm != SigV4Names.Algorithm)
        {
            return Fail(SigV4FailureReason.IncompleteSignature,
                $"Unsupported AWS 'algorithm': '{auth.Algorithm}' (only AWS4-HMAC-SHA256 for now). ");
        }

        // Trailing slashes after the terminator are tolerated, as AWS does.
        var credentialParts = auth.Credential.TrimEnd('/').Split('/');
        if (credentialParts.Length != 5)
        {
            return Fail(SigV4FailureReason.IncompleteSignature,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                + $"got '{auth.Credential}'");
        }

        var accessKeyId = credentialParts[0];
        var scope = new CredentialScope(credentialParts[1], credentialParts[2], credentialParts[3], credentialParts[4]);
        if (CheckScope(scope, auth, request.ExpectedService) is { } scopeMessage)
        {
            return Fail(SigV4FailureReason.InvalidCredentialScope, scopeMessage, accessKeyId, scope);
        }

        var credential = await _credentialLookup(accessKeyId, cancellationToken);
        if (credential is null)
        {
            return Fail(SigV4FailureReason.UnknownAccessKey, SigV4ErrorMapping.InvalidTokenMessage, accessKeyId, scope);
        }

        var (payloadHash, payloadFailure) = ResolvePayloadHash(request, auth, scope);
        if (payloadFailure is not null)
        {
            return SigV4VerificationResult.Fail(payloadFailure with { AccessKeyId = accessKeyId, Scope = scope });
        }

        var lowerNames = signedHeaderNames.Select(static n => n.ToLowerInvariant()).ToArray();
        var parts = SignatureComputation.Compute(
            request.Method,
            CanonicalUri.FromRawPath(request.RawPath, scope.Service),
            CanonicalQueryString.FromRawQuery(request.RawQuery, auth.IsPresigned ? SigV4Names.SignatureParameter : null),
            request.Headers,
            lowerNames,
            payloadHash!,
            auth.AmzDate,
            scope,
            _signingKeys.GetOrDerive(credential.SecretAccessKey, scope.Date, scope.Region, scope.Service).Span);

        // Constant time, so response timing says nothing about how much of a forged signature was right.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts.Signature), Encoding.ASCII.GetBytes(auth.Signature)))
        {
            return SigV4VerificationResult.Fail(new SigV4Failure(SigV4FailureReason.SignatureMismatch, SigV4ErrorMapping.SignatureMismatchMessage)
            {
                AccessKeyId = accessKeyId,
                Scope = scope,
                CanonicalRequest = parts.CanonicalRequest,
                StringToSign = parts.StringToSign,
            });
        }

        if (!SessionTokenMatches(credential.SessionToken, auth.SessionToken))
        {
            return Fail(SigV4FailureReason.InvalidSessionToken, SigV4ErrorMapping.InvalidTokenMessage, accessKeyId, scope);
        }

        if (credential.Expiration is { } expiration && now >= expiration)
        {
            return Fail(SigV4FailureReason.ExpiredSessionToken, SigV4ErrorMapping.ExpiredTokenMessage, accessKeyId, scope);
        }

        return SigV4VerificationResult.Success(
            new SigV4Identity(accessKeyId, credential.AccountId, scope.Region, scope.Service, auth.SigningTime)
            {
                IsPresigned = auth.IsPresigned,
                SessionToken = credential.SessionToken is null ? null : auth.SessionToken,
            });
    }

    private SigV4Failure? CheckTime(SigV4AuthParameters auth, DateTimeOffset now)
    {
        var signed = auth.SigningTime;
        var latestAllowed = now + _allowedSkew;
        if (signed > latestAllowed)
        {
            return new SigV4Failure(SigV4FailureReason.SignatureNotYetCurrent,
                $"Signature not yet current: {auth.AmzDate} is still later than {AmzDate.Format(latestAllowed)} "
                + $"({AmzDate.Format(now)} + {Describe(_allowedSkew)}.)");
        }

        if (auth.IsPresigned && auth.ExpiresSeconds is { } seconds)
        {
            // A presigned URL is valid from its date for X-Amz-Expires seconds, regardless of skew.
            var lifetime = TimeSpan.FromSeconds(seconds);
            if (now > signed + lifetime)
            {
                return new SigV4Failure(SigV4FailureReason.PresignedUrlExpired,
                    $"Signature expired: {auth.AmzDate} is now earlier than {AmzDate.Format(now - lifetime)} "
                    + $"({AmzDate.Format(now)} - {Describe(lifetime)}.)");
            }

            return null;
        }

        var earliestAllowed = now - _allowedSkew;
        if (signed < earliestAllowed)
        {
            return new SigV4Failure(SigV4FailureReason.SignatureExpired,
                $"Signature expired: {auth.AmzDate} is now earlier than {AmzDate.Format(earliestAllowed)} "
                + $"({AmzDate.Format(now)} - {Describe(_allowedSkew)}.)");
        }

        return null;
    }

    private static string? CheckScope(CredentialScope scope, SigV4AuthParameters auth, string? expectedService)
    {
        var problems = new StringBuilder();
        if (scope.Region.Length == 0 || !scope.Region.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            problems.Append(CultureInfo.InvariantCulture, $"Credential should be scoped to a valid region, not '{scope.Region}'. ");
        }

        if (expectedService is not null ? scope.Service != expectedService : scope.Service.Length == 0)
        {
            problems.Append(CultureInfo.InvariantCulture, $"Credential should be scoped to correct service: '{expectedService}'. ");
        }

        if (scope.Terminator != SigV4Names.ScopeTerminator)
        {
            problems.Append(CultureInfo.InvariantCulture,
                $"Credential should be scoped with a valid terminator: 'aws4_request', not '{scope.Terminator}'. ");
        }

        var requestDate = AmzDate.FormatDate(auth.SigningTime);
        if (scope.Date != requestDate)
        {
            problems.Append(CultureInfo.InvariantCulture,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + $"'{scope.Date}' != '{requestDate}', from '{auth.AmzDate}'.");
        }

        return problems.Length == 0 ? null : problems.ToString().TrimEnd();
    }

    /// <summary>
    /// The hash line of the canonical request. x-amz-content-sha256, when sent, is what the client
    /// hashed into its signature, so it must also be the hash of the body that actually arrived.
    /// </summary>
    private static (string? Hash, SigV4Failure? Failure) ResolvePayloadHash(SigV4Request request, SigV4AuthParameters auth, CredentialScope scope)
    {
        var s3 = CanonicalUri.IsS3(scope.Service);
        var declared = auth.ContentSha256;
        if (declared is null)
        {
            // S3 presigned URLs never sign the body: the SDKs put UNSIGNED-PAYLOAD in the canonical request.
            return (auth.IsPresigned && s3 ? SigV4Names.UnsignedPayload : ActualPayloadHash(request), null);
        }

        if (declared == SigV4Names.UnsignedPayload && s3)
        {
            return (declared, null);
        }

        if (!Sha256.IsHex(declared))
        {
            return (null, new SigV4Failure(SigV4FailureReason.PayloadHashNotAccepted,
                $"x-amz-content-sha256 must be the hex SHA-256 of the payload for {scope.Service}; got '{declared}'."));
        }

        if (!string.Equals(declared, ActualPayloadHash(request), StringComparison.OrdinalIgnoreCase))
        {
            return (null, new SigV4Failure(SigV4FailureReason.PayloadHashMismatch,
                "The provided 'x-amz-content-sha256' header does not match what was computed."));
        }

        return (declared, null);
    }

    private static string ActualPayloadHash(SigV4Request request) =>
        request.PayloadSha256Hex is { } given ? given.ToLowerInvariant() : Sha256.Hex(request.Body.Span);

    private static bool SessionTokenMatches(string? required, string? presented)
    {
        if (required is null)
        {
            // A token sent with a long-term key is refused too: AWS calls it an invalid token.
            return presented is null;
        }

        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(required), Encoding.UTF8.GetBytes(presented));
    }

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalSeconds} sec");

    private static SigV4VerificationResult Fail(
        SigV4FailureReason reason, string message, string? accessKeyId = null, CredentialScope? scope = null) =>
        SigV4VerificationResult.Fail(new SigV4Failure(reason, message) { AccessKeyId = accessKeyId, Scope = scope });
}
