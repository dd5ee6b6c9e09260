using System.Text;
using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

public sealed class SigV4VerifierFailureTests
{
    private readonly SigV4Verifier _verifier = SignedRequests.Verifier();

    [Fact]
    public async Task A_correctly_signed_request_verifies_with_region_service_and_account()
    {
        var result = await _verifier.VerifyAsync(SignedRequests.SignedRequest());

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(new SigV4Identity(SigV4TestSuite.AccessKeyId, SigV4TestSuite.AccountId, "us-east-1", "license-manager", SignedRequests.Now), result.Identity);
    }

    [Fact]
    public async Task No_authentication_at_all_is_missing_authentication()
    {
        var failure = await Fails(SignedRequests.NewRequest(), SigV4FailureReason.MissingAuthentication);
        Assert.Null(failure.Scope);
    }

    [Fact]
    public async Task A_non_sigv4_authorization_header_is_missing_authentication()
    {
        var request = SignedRequests.WithHeader(SignedRequests.NewRequest(), "Authorization", "Bearer abc");
        await Fails(request, SigV4FailureReason.MissingAuthentication);
    }

    [Fact]
    public async Task Header_and_presigned_parameters_together_conflict()
    {
        var request = SignedRequests.With(SignedRequests.SignedRequest(), rawQuery: "X-Amz-Algorithm=AWS4-HMAC-SHA256");
        var failure = await Fails(request, SigV4FailureReason.ConflictingAuthentication);
        Assert.Equal("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.", failure.Message);
    }

    [Fact]
    public async Task Missing_authorization_parameters_and_date_are_listed_like_aws()
    {
        var request = SignedRequests.WithHeader(SignedRequests.NewRequest(), "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/license-manager/aws4_request");
        var failure = await Fails(request, SigV4FailureReason.IncompleteSignature);
        Assert.Equal(
            "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
            + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
            + "Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/license-manager/aws4_request",
            failure.Message);
    }

    [Fact]
    public async Task A_pair_without_equal_sign_is_incomplete()
    {
        var header = "AWS4-HMAC-SHA256 Credential= AKIDEXAMPLE/20150830/us-east-1/license-manager/aws4_request, SignedHeaders=host, Signature=00";
        var failure = await Fails(SignedRequests.WithHeader(SignedRequests.SignedRequest(), "Authorization", header), SigV4FailureReason.IncompleteSignature);
        Assert.Equal(
            $"'AKIDEXAMPLE/20150830/us-east-1/license-manager/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '{header}'.",
            failure.Message);
    }

    [Fact]
    public async Task A_date_not_in_basic_format_is_incomplete()
    {
        var failure = await Fails(SignedRequests.WithHeader(SignedRequests.SignedRequest(), "X-Amz-Date", "2015-08-30T12:36:00Z"), SigV4FailureReason.IncompleteSignature);
        Assert.Equal("Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601", failure.Message);
    }

    [Fact]
    public async Task An_unsupported_algorithm_is_incomplete()
    {
        var signed = SignedRequests.SignedRequest();
        var header = signed.Headers.GetFirst("Authorization")!.Replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", StringComparison.Ordinal);
        var failure = await Fails(SignedRequests.WithHeader(signed, "Authorization", header), SigV4FailureReason.IncompleteSignature);
        Assert.Equal("Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ", failure.Message);
    }

    [Fact]
    public async Task A_credential_without_five_parts_is_incomplete()
    {
        var signed = SignedRequests.SignedRequest();
        var header = signed.Headers.GetFirst("Authorization")!.Replace("/license-manager/aws4_request", "/aws4_request", StringComparison.Ordinal);
        var failure = await Fails(SignedRequests.WithHeader(signed, "Authorization", header), SigV4FailureReason.IncompleteSignature);
        Assert.Equal(
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20150830/us-east-1/aws4_request'",
            failure.Message);
    }

    [Fact]
    public async Task Host_must_be_a_signed_header()
    {
        var signed = SignedRequests.SignedRequest();
        var header = signed.Headers.GetFirst("Authorization")!.Replace("SignedHeaders=content-type;host;", "SignedHeaders=content-type;", StringComparison.Ordinal);
        var failure = await Fails(SignedRequests.WithHeader(signed, "Authorization", header), SigV4FailureReason.HostHeaderNotSigned);
        Assert.Equal("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", failure.Message);
    }

    [Fact]
    public async Task Scope_date_must_match_the_request_date()
    {
        var signed = SignedRequests.SignedRequest();
        var header = signed.Headers.GetFirst("Authorization")!.Replace("/20150830/", "/20150829/", StringComparison.Ordinal);
        var failure = await Fails(SignedRequests.WithHeader(signed, "Authorization", header), SigV4FailureReason.InvalidCredentialScope);
        Assert.Equal(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150829' != '20150830', from '20150830T123600Z'.",
            failure.Message);
        Assert.Equal("us-east-1", failure.Scope!.Region);
    }

    [Fact]
    public async Task Scope_terminator_region_and_expected_service_are_checked_together()
    {
        var signed = SignedRequests.SignedRequest();
        var header = signed.Headers.GetFirst("Authorization")!.Replace("/us-east-1/license-manager/aws4_request", "/US_EAST/kms/aws5_request", StringComparison.Ordinal);
        var request = SignedRequests.With(SignedRequests.WithHeader(signed, "Authorization", header), expectedService: "license-manager");
        var failure = await Fails(request, SigV4FailureReason.InvalidCredentialScope);
        Assert.Equal(
            "Credential should be scoped to a valid region, not 'US_EAST'. Credential should be scoped to correct service: 'license-manager'. "
            + "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
            failure.Message);
        Assert.Equal("kms", failure.Scope!.Service);
    }

    [Fact]
    public async Task The_expected_service_accepts_its_own_scope()
    {
        var result = await _verifier.VerifyAsync(SignedRequests.With(SignedRequests.SignedRequest(), expectedService: "license-manager"));
        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task An_unknown_access_key_is_unrecognized()
    {
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(accessKeyId: "AKIDUNKNOWN", secret: "whatever"));
        var failure = await Fails(request, SigV4FailureReason.UnknownAccessKey);
        Assert.Equal("AKIDUNKNOWN", failure.AccessKeyId);
        Assert.Equal("The security token included in the request is invalid.", failure.Message);
    }

    [Fact]
    public async Task A_wrong_secret_does_not_match_and_keeps_the_canonical_request_for_logs()
    {
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(secret: "not-the-secret"));
        var failure = await Fails(request, SigV4FailureReason.SignatureMismatch);
        Assert.Equal(SigV4ErrorMapping.SignatureMismatchMessage, failure.Message);
        Assert.StartsWith("POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:", failure.CanonicalRequest, StringComparison.Ordinal);
        Assert.StartsWith("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/license-manager/aws4_request\n", failure.StringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_body_does_not_match()
    {
        var request = SignedRequests.With(SignedRequests.SignedRequest(), body: Encoding.UTF8.GetBytes("""{"MaxResults":50}"""));
        await Fails(request, SigV4FailureReason.SignatureMismatch);
    }

    [Fact]
    public async Task A_tampered_signed_header_does_not_match()
    {
        var request = SignedRequests.WithHeader(SignedRequests.SignedRequest(), "X-Amz-Target", "AWSLicenseManager.DeleteLicense");
        await Fails(request, SigV4FailureReason.SignatureMismatch);
    }

    [Fact]
    public async Task A_tampered_path_or_query_does_not_match()
    {
        await Fails(SignedRequests.With(SignedRequests.SignedRequest(), rawPath: "/admin"), SigV4FailureReason.SignatureMismatch);
        await Fails(SignedRequests.With(SignedRequests.SignedRequest(), rawQuery: "x=1"), SigV4FailureReason.SignatureMismatch);
    }

    [Fact]
    public async Task A_tampered_date_does_not_match_even_though_it_stays_within_skew()
    {
        var request = SignedRequests.WithHeader(SignedRequests.SignedRequest(), "X-Amz-Date", "20150830T123700Z");
        await Fails(request, SigV4FailureReason.SignatureMismatch);
    }

    [Fact]
    public async Task Unsigned_extra_headers_are_ignored()
    {
        var request = SignedRequests.WithHeader(SignedRequests.SignedRequest(), "User-Agent", "aws-cli/1.43");
        Assert.True((await _verifier.VerifyAsync(request)).Succeeded);
    }

    [Fact]
    public async Task A_precomputed_payload_hash_stands_for_the_body()
    {
        var signed = SignedRequests.SignedRequest();
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(signed.Body.Span));
        var request = SignedRequests.With(signed, body: ReadOnlyMemory<byte>.Empty, payloadSha256Hex: hash);
        Assert.True((await _verifier.VerifyAsync(request)).Succeeded);
    }

    [Fact]
    public async Task A_matching_content_sha256_header_is_what_gets_signed()
    {
        var parameters = SignedRequests.Parameters();
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), new SigV4SigningParameters
        {
            AccessKeyId = parameters.AccessKeyId,
            SecretAccessKey = parameters.SecretAccessKey,
            Region = parameters.Region,
            Service = parameters.Service,
            SigningTime = parameters.SigningTime,
            IncludeContentSha256Header = true,
        });
        Assert.True((await _verifier.VerifyAsync(request)).Succeeded);

        var tampered = SignedRequests.With(request, body: Encoding.UTF8.GetBytes("{}"));
        var failure = await Fails(tampered, SigV4FailureReason.PayloadHashMismatch);
        Assert.Equal("The provided 'x-amz-content-sha256' header does not match what was computed.", failure.Message);
    }

    [Fact]
    public async Task Unsigned_payload_is_accepted_for_s3_only()
    {
        SigV4SigningParameters UnsignedPayloadParameters(string service) => new()
        {
            AccessKeyId = SigV4TestSuite.AccessKeyId,
            SecretAccessKey = SigV4TestSuite.SecretAccessKey,
            Region = "us-east-1",
            Service = service,
            SigningTime = SignedRequests.Now,
            UnsignedPayload = true,
            IncludeContentSha256Header = true,
        };

        var s3 = SignedRequests.Sign(SignedRequests.NewRequest(rawPath: "/bucket/key"), UnsignedPayloadParameters("s3"));
        Assert.True((await _verifier.VerifyAsync(s3)).Succeeded);

        var licenseManager = SignedRequests.Sign(SignedRequests.NewRequest(), UnsignedPayloadParameters("license-manager"));
        await Fails(licenseManager, SigV4FailureReason.PayloadHashNotAccepted);
    }

    [Fact]
    public async Task Temporary_credentials_verify_with_their_session_token()
    {
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(accessKeyId: SignedRequests.TempAccessKeyId, token: SignedRequests.TempToken));
        var result = await _verifier.VerifyAsync(request);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("210987654321", result.Identity.AccountId);
        Assert.Equal(SignedRequests.TempToken, result.Identity.SessionToken);
    }

    [Fact]
    public async Task A_required_session_token_that_is_missing_is_invalid()
    {
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(accessKeyId: SignedRequests.TempAccessKeyId));
        var failure = await Fails(request, SigV4FailureReason.InvalidSessionToken);
        Assert.Equal("The security token included in the request is invalid.", failure.Message);
    }

    [Fact]
    public async Task A_mismatched_session_token_is_invalid()
    {
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(accessKeyId: SignedRequests.TempAccessKeyId, token: "IQoJb3JpZ2luEXAMPLE//other=="));
        await Fails(request, SigV4FailureReason.InvalidSessionToken);
    }

    [Fact]
    public async Task A_session_token_sent_with_a_long_term_key_is_invalid()
    {
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(token: SignedRequests.TempToken));
        await Fails(request, SigV4FailureReason.InvalidSessionToken);
    }

    [Fact]
    public async Task An_expired_temporary_credential_is_an_expired_token()
    {
        var later = SignedRequests.Now.AddHours(1);
        var verifier = SignedRequests.Verifier(new FixedTimeProvider(later));
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(at: later, accessKeyId: SignedRequests.TempAccessKeyId, token: SignedRequests.TempToken));

        var result = await verifier.VerifyAsync(request);

        Assert.False(result.Succeeded);
        Assert.Equal(SigV4FailureReason.ExpiredSessionToken, result.Failure.Reason);
        Assert.Equal("The security token included in the request is expired", result.Failure.Message);
    }

    [Fact]
    public async Task The_date_header_is_used_when_x_amz_date_is_absent()
    {
        // Built from the public canonicalization pieces, since our signer always sends X-Amz-Date.
        var request = SignedRequests.NewRequest();
        request.Headers.Add("Date", "Sun, 30 Aug 2015 12:36:00 GMT");
        string[] signed = ["content-type", "date", "host", "x-amz-target"];
        var scope = new CredentialScope("20150830", "us-east-1", "license-manager");
        var canonical = CanonicalRequest.Build(
            "POST", CanonicalUri.FromRawPath("/", scope.Service), CanonicalQueryString.FromRawQuery(""),
            CanonicalHeaders.Build(request.Headers, signed), string.Join(';', signed),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(request.Body.Span)));
        var stringToSign = CanonicalRequest.StringToSign("20150830T123600Z", scope, canonical);
        var key = SigningKey.Derive(SigV4TestSuite.SecretAccessKey, scope.Date, scope.Region, scope.Service);
        var signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.Add("Authorization", $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");

        var result = await _verifier.VerifyAsync(request);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(SignedRequests.Now, result.Identity.SigningTime);
    }

    [Fact]
    public async Task Authorization_pairs_separated_by_bare_commas_are_accepted()
    {
        var signed = SignedRequests.SignedRequest();
        var compact = signed.Headers.GetFirst("Authorization")!.Replace(", ", ",", StringComparison.Ordinal);
        Assert.True((await _verifier.VerifyAsync(SignedRequests.WithHeader(signed, "Authorization", compact))).Succeeded);
    }

    private async Task<SigV4Failure> Fails(SigV4Request request, SigV4FailureReason reason)
    {
        var result = await _verifier.VerifyAsync(request);
        Assert.False(result.Succeeded, "expected a failure");
        Assert.Equal(reason, result.Failure.Reason);
        return result.Failure;
    }
}
