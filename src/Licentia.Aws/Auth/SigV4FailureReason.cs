namespace Licentia.Aws.Auth;

/// <summary>Why a request failed authentication. Stable: protocol layers map these to AWS error codes.</summary>
public enum SigV4FailureReason
{
    /// <summary>Neither an AWS4 Authorization header nor presigned query parameters.</summary>
    MissingAuthentication,

    /// <summary>Both an Authorization header and presigned query parameters.</summary>
    ConflictingAuthentication,

    /// <summary>Malformed or incomplete Authorization header or presigned parameters, bad date, unsupported algorithm.</summary>
    IncompleteSignature,

    /// <summary>The host header is not among the signed headers.</summary>
    HostHeaderNotSigned,

    /// <summary>The credential scope names a bad date, region, service or terminator.</summary>
    InvalidCredentialScope,

    /// <summary>The header-form timestamp is older than the allowed clock skew.</summary>
    SignatureExpired,

    /// <summary>The timestamp lies further in the future than the allowed clock skew.</summary>
    SignatureNotYetCurrent,

    /// <summary>A presigned URL used after its date plus X-Amz-Expires.</summary>
    PresignedUrlExpired,

    /// <summary>The access key id is not known.</summary>
    UnknownAccessKey,

    /// <summary>The signature does not match: wrong secret, tampered request, or a canonicalization difference.</summary>
    SignatureMismatch,

    /// <summary>x-amz-content-sha256 names a hash that is not the hash of the body received.</summary>
    PayloadHashMismatch,

    /// <summary>x-amz-content-sha256 holds a value this service does not accept (UNSIGNED-PAYLOAD outside s3, streaming).</summary>
    PayloadHashNotAccepted,

    /// <summary>The session token is missing, differs from the one issued, or is sent with a long-term key.</summary>
    InvalidSessionToken,

    /// <summary>The temporary credential has expired.</summary>
    ExpiredSessionToken,
}
