namespace Licentia.Aws.Auth;

/// <summary>The families of AWS endpoints that word authentication errors differently.</summary>
public enum AwsErrorDialect
{
    /// <summary>JSON-protocol services (License Manager, KMS, SSM): *Exception codes, mostly HTTP 400.</summary>
    Json,

    /// <summary>Query-protocol services (STS, IAM): IncompleteSignature, InvalidClientTokenId, SignatureDoesNotMatch, mostly 403.</summary>
    Query,

    /// <summary>EC2's own query dialect: AuthFailure (401), RequestExpired, MissingParameter.</summary>
    Ec2,
}
