namespace Licentia.Aws.Json;

/// <summary>What the host plugs into the JSON protocol engine.</summary>
public sealed class JsonProtocolOptions
{
    /// <summary>
    /// Turns a domain exception into an AWS error, or returns null for an unexpected one (which becomes the
    /// operation's fault, HTTP 500, with a generic message). The domain's exception classes are named after AWS
    /// error codes, so a translator is typically <c>ex is ServiceException s ? AwsError.Client(s.GetType().Name, s.Message) : null</c>.
    /// </summary>
    public Func<Exception, AwsError?>? ErrorTranslator { get; init; }

    /// <summary>
    /// Told about every exception that ended as a server fault, with the X-Amz-Target and request id, so the host
    /// can log it; the client only ever sees a generic message.
    /// </summary>
    public Action<Exception, string, string>? OnUnhandledException { get; init; }

    /// <summary>
    /// Remembers responses of requests that carry a ClientToken. Without one, tokens are accepted but
    /// not enforced (every retry acts again).
    /// </summary>
    public Idempotency.IIdempotencyGuard? Idempotency { get; init; }

    /// <summary>Where the 501 message for an unimplemented operation points readers.</summary>
    public string CoverageDocument { get; init; } = "docs/COVERAGE.md";
}
