using Licentia.Aws.Dispatch;

namespace Licentia.Aws.Json;

/// <summary>What the host plugs into the JSON protocol engine.</summary>
public sealed class JsonProtocolOptions : ProtocolOptions
{
    /// <summary>
    /// Remembers responses of requests that carry a ClientToken. Without one, tokens are accepted but
    /// not enforced (every retry acts again).
    /// </summary>
    public Idempotency.IIdempotencyGuard? Idempotency { get; init; }
}
