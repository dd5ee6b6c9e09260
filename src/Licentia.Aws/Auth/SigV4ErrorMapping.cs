namespace Licentia.Aws.Auth;

/// <summary>
/// What real AWS endpoints answer for each failure reason. JSON services (the Coral stack behind
/// License Manager, KMS, SSM) use *Exception codes with 400; query services (STS, IAM) use bare
/// codes with 403 for credential problems; EC2 collapses credential problems into AuthFailure 401.
/// Messages that depend on the request (expiry times, malformed parameters) come from the failure.
/// </summary>
public static class SigV4ErrorMapping
{
    public const string SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public const string InvalidTokenMessage = "The security token included in the request is invalid.";
    public const string ExpiredTokenMessage = "The security token included in the request is expired";
    public const string Ec2AuthFailureMessage = "AWS was not able to validate the provided access credentials";
    public const string Ec2RequestExpiredMessage = "Request has expired.";

    public static AwsAuthError Map(SigV4Failure failure, AwsErrorDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return dialect switch
        {
            AwsErrorDialect.Json => Json(failure),
            AwsErrorDialect.Query => Query(failure),
            AwsErrorDialect.Ec2 => Ec2(failure),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown error dialect."),
        };
    }

    private static AwsAuthError Json(SigV4Failure failure) => failure.Reason switch
    {
        SigV4FailureReason.MissingAuthentication => new("MissingAuthenticationTokenException", 403, "Missing Authentication Token"),
        SigV4FailureReason.IncompleteSignature => new("IncompleteSignatureException", 400, failure.Message),
        SigV4FailureReason.UnknownAccessKey or SigV4FailureReason.InvalidSessionToken =>
            new("UnrecognizedClientException", 400, InvalidTokenMessage),
        SigV4FailureReason.ExpiredSessionToken => new("ExpiredTokenException", 400, ExpiredTokenMessage),
        _ => new("InvalidSignatureException", 400, failure.Message),
    };

    private static AwsAuthError Query(SigV4Failure failure) => failure.Reason switch
    {
        SigV4FailureReason.MissingAuthentication => new("MissingAuthenticationToken", 403, "Request is missing Authentication Token"),
        SigV4FailureReason.IncompleteSignature => new("IncompleteSignature", 400, failure.Message),
        SigV4FailureReason.UnknownAccessKey or SigV4FailureReason.InvalidSessionToken =>
            new("InvalidClientTokenId", 403, InvalidTokenMessage),
        SigV4FailureReason.ExpiredSessionToken => new("ExpiredToken", 403, ExpiredTokenMessage),
        _ => new("SignatureDoesNotMatch", 403, failure.Message),
    };

    private static AwsAuthError Ec2(SigV4Failure failure) => failure.Reason switch
    {
        SigV4FailureReason.MissingAuthentication => new("MissingParameter", 400, "The request must contain the parameter AWSAccessKeyId"),
        SigV4FailureReason.IncompleteSignature => new("IncompleteSignature", 400, failure.Message),
        SigV4FailureReason.SignatureExpired
            or SigV4FailureReason.SignatureNotYetCurrent
            or SigV4FailureReason.PresignedUrlExpired
            or SigV4FailureReason.ExpiredSessionToken => new("RequestExpired", 400, Ec2RequestExpiredMessage),
        _ => new("AuthFailure", 401, Ec2AuthFailureMessage),
    };
}
