namespace Licentia.Aws.Auth;

/// <summary>Who signs, for which region and service, and when. A class so that printing it never shows the secret.</summary>
public sealed class SigV4SigningParameters
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    /// <summary>For temporary credentials: sent as X-Amz-Security-Token and signed.</summary>
    public string? SessionToken { get; init; }

    public required string Region { get; init; }

    public required string Service { get; init; }

    public required DateTimeOffset SigningTime { get; init; }

    /// <summary>Sign UNSIGNED-PAYLOAD instead of the body hash (accepted only by s3).</summary>
    public bool UnsignedPayload { get; init; }

    /// <summary>Also send and sign X-Amz-Content-Sha256, as S3 clients do.</summary>
    public bool IncludeContentSha256Header { get; init; }

    public override string ToString() => $"SigV4SigningParameters {{ AccessKeyId = {AccessKeyId}, Region = {Region}, Service = {Service} }}";
}
