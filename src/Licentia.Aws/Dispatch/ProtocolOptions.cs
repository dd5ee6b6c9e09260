namespace Licentia.Aws.Dispatch;

/// <summary>The hooks a host plugs into every protocol engine.</summary>
public abstract class ProtocolOptions
{
    /// <summary>
    /// Turns a domain exception into an AWS error, or returns null for an unexpected one (which becomes the
    /// operation's fault, HTTP 500, with a generic message). The domain's exception classes are named after AWS
    /// error codes, so a translator is typically <c>ex is ServiceException s ? AwsError.Client(s.ErrorCode, s.Message) : null</c>.
    /// </summary>
    public Func<Exception, AwsError?>? ErrorTranslator { get; init; }

    /// <summary>
    /// Told about every exception that ended as a server fault, with where it happened (the X-Amz-Target, or
    /// "service:Action") and the request id, so the host can log it; the client only ever sees a generic message.
    /// </summary>
    public Action<Exception, string, string>? OnUnhandledException { get; init; }

    /// <summary>
    /// Remembers responses of requests that carry a ClientToken. Without one, tokens are accepted but
    /// not enforced (every retry acts again).
    /// </summary>
    public Idempotency.IIdempotencyGuard? Idempotency { get; init; }

    /// <summary>Where the 501 message for an unimplemented operation points readers.</summary>
    public string CoverageDocument { get; init; } = "docs/COVERAGE.md";

    internal AwsError? Translate(Exception exception)
    {
        try
        {
            return ErrorTranslator?.Invoke(exception);
        }
#pragma warning disable CA1031 // A translator that fails leaves the original error untranslated (a fault).
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    internal void Report(Exception exception, string where, string requestId)
    {
        try
        {
            OnUnhandledException?.Invoke(exception, where, requestId);
        }
#pragma warning disable CA1031 // Reporting must not turn a handled fault into a thrown one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
