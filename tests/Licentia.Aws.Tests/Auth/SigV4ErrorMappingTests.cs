using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

/// <summary>Every failure reason in every dialect, against what the real endpoints answer.</summary>
public sealed class SigV4ErrorMappingTests
{
    private const string Detail = "request-specific message";

    [Theory]
    [InlineData(SigV4FailureReason.MissingAuthentication, "MissingAuthenticationTokenException", 403, "Missing Authentication Token")]
    [InlineData(SigV4FailureReason.ConflictingAuthentication, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.IncompleteSignature, "IncompleteSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.HostHeaderNotSigned, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.InvalidCredentialScope, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.SignatureExpired, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.SignatureNotYetCurrent, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.PresignedUrlExpired, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.UnknownAccessKey, "UnrecognizedClientException", 400, SigV4ErrorMapping.InvalidTokenMessage)]
    [InlineData(SigV4FailureReason.SignatureMismatch, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.PayloadHashMismatch, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.PayloadHashNotAccepted, "InvalidSignatureException", 400, Detail)]
    [InlineData(SigV4FailureReason.InvalidSessionToken, "UnrecognizedClientException", 400, SigV4ErrorMapping.InvalidTokenMessage)]
    [InlineData(SigV4FailureReason.ExpiredSessionToken, "ExpiredTokenException", 400, SigV4ErrorMapping.ExpiredTokenMessage)]
    public void Json_dialect(SigV4FailureReason reason, string code, int status, string message) =>
        Assert.Equal(new AwsAuthError(code, status, message), new SigV4Failure(reason, Detail).ToAwsError(AwsErrorDialect.Json));

    [Theory]
    [InlineData(SigV4FailureReason.MissingAuthentication, "MissingAuthenticationToken", 403, "Request is missing Authentication Token")]
    [InlineData(SigV4FailureReason.ConflictingAuthentication, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.IncompleteSignature, "IncompleteSignature", 400, Detail)]
    [InlineData(SigV4FailureReason.HostHeaderNotSigned, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.InvalidCredentialScope, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.SignatureExpired, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.SignatureNotYetCurrent, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.PresignedUrlExpired, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.UnknownAccessKey, "InvalidClientTokenId", 403, SigV4ErrorMapping.InvalidTokenMessage)]
    [InlineData(SigV4FailureReason.SignatureMismatch, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.PayloadHashMismatch, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.PayloadHashNotAccepted, "SignatureDoesNotMatch", 403, Detail)]
    [InlineData(SigV4FailureReason.InvalidSessionToken, "InvalidClientTokenId", 403, SigV4ErrorMapping.InvalidTokenMessage)]
    [InlineData(SigV4FailureReason.ExpiredSessionToken, "ExpiredToken", 403, SigV4ErrorMapping.ExpiredTokenMessage)]
    public void Query_dialect(SigV4FailureReason reason, string code, int status, string message) =>
        Assert.Equal(new AwsAuthError(code, status, message), new SigV4Failure(reason, Detail).ToAwsError(AwsErrorDialect.Query));

    [Theory]
    [InlineData(SigV4FailureReason.MissingAuthentication, "MissingParameter", 400, "The request must contain the parameter AWSAccessKeyId")]
    [InlineData(SigV4FailureReason.ConflictingAuthentication, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.IncompleteSignature, "IncompleteSignature", 400, Detail)]
    [InlineData(SigV4FailureReason.HostHeaderNotSigned, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.InvalidCredentialScope, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.SignatureExpired, "RequestExpired", 400, SigV4ErrorMapping.Ec2RequestExpiredMessage)]
    [InlineData(SigV4FailureReason.SignatureNotYetCurrent, "RequestExpired", 400, SigV4ErrorMapping.Ec2RequestExpiredMessage)]
    [InlineData(SigV4FailureReason.PresignedUrlExpired, "RequestExpired", 400, SigV4ErrorMapping.Ec2RequestExpiredMessage)]
    [InlineData(SigV4FailureReason.UnknownAccessKey, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.SignatureMismatch, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.PayloadHashMismatch, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.PayloadHashNotAccepted, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.InvalidSessionToken, "AuthFailure", 401, SigV4ErrorMapping.Ec2AuthFailureMessage)]
    [InlineData(SigV4FailureReason.ExpiredSessionToken, "RequestExpired", 400, SigV4ErrorMapping.Ec2RequestExpiredMessage)]
    public void Ec2_dialect(SigV4FailureReason reason, string code, int status, string message) =>
        Assert.Equal(new AwsAuthError(code, status, message), new SigV4Failure(reason, Detail).ToAwsError(AwsErrorDialect.Ec2));

    [Fact]
    public void Every_reason_is_mapped_in_every_dialect()
    {
        foreach (var reason in Enum.GetValues<SigV4FailureReason>())
        {
            foreach (var dialect in Enum.GetValues<AwsErrorDialect>())
            {
                var error = new SigV4Failure(reason, Detail).ToAwsError(dialect);
                Assert.False(string.IsNullOrEmpty(error.Code));
                Assert.InRange(error.HttpStatus, 400, 403);
            }
        }
    }

    [Fact]
    public async Task A_stale_request_reads_as_aws_would_report_it()
    {
        var verifier = SignedRequests.Verifier(new FixedTimeProvider(SignedRequests.Now.AddMinutes(25)));
        var failure = (await verifier.VerifyAsync(SignedRequests.SignedRequest())).Failure!;

        Assert.Equal(
            new AwsAuthError("InvalidSignatureException", 400, "Signature expired: 20150830T123600Z is now earlier than 20150830T124600Z (20150830T130100Z - 15 min.)"),
            failure.ToAwsError(AwsErrorDialect.Json));
        Assert.Equal("SignatureDoesNotMatch", failure.ToAwsError(AwsErrorDialect.Query).Code);
        Assert.Equal(new AwsAuthError("RequestExpired", 400, "Request has expired."), failure.ToAwsError(AwsErrorDialect.Ec2));
    }

    [Fact]
    public async Task A_wrong_secret_reads_as_aws_would_report_it()
    {
        var request = SignedRequests.Sign(SignedRequests.NewRequest(), SignedRequests.Parameters(secret: "wrong"));
        var failure = (await SignedRequests.Verifier().VerifyAsync(request)).Failure!;

        Assert.Equal(
            new AwsAuthError("InvalidSignatureException", 400,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
            failure.ToAwsError(AwsErrorDialect.Json));
        Assert.Equal(new AwsAuthError("SignatureDoesNotMatch", 403, SigV4ErrorMapping.SignatureMismatchMessage), failure.ToAwsError(AwsErrorDialect.Query));
    }
}
