namespace Licentia.Aws.Idempotency;

/// <summary>A response remembered for a ClientToken, with the fingerprint of the request that produced it.</summary>
public sealed record RememberedResponse(string RequestFingerprint, byte[] Body);

/// <summary>
/// Where the host keeps the outcome of requests that carried a ClientToken, so a retry with the same
/// token and the same request gets the same answer without acting twice. The engine calls it only for
/// operations whose input has a token member and requests that carry one; the host scopes the records
/// (by caller account and region) through the request.
/// </summary>
public interface IIdempotencyGuard
{
    ValueTask<RememberedResponse?> FindAsync(AwsHttpRequest request, string operation, string clientToken, CancellationToken ct);

    /// <summary>
    /// Remembers a successful response. When another request with the same token won a race and was
    /// remembered first, returns that one so both callers see the same outcome; otherwise null.
    /// </summary>
    ValueTask<RememberedResponse?> RememberAsync(AwsHttpRequest request, string operation, string clientToken, RememberedResponse response, CancellationToken ct);
}
