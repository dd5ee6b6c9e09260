namespace Licentia.Core.Idempotency;

/// <summary>
/// The remembered outcome of a request that carried a ClientToken: the same token with the same
/// request returns <see cref="ResponseJson"/> again; the same token with a different request is refused.
/// </summary>
public sealed record IdempotencyRecord(
    string Operation,
    string ClientToken,
    string RequestFingerprint,
    string ResponseJson,
    DateTimeOffset CreatedAt);
