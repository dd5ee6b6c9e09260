namespace Licentia.Aws.Query;

/// <summary>What the host plugs into the query protocol engine (the same hooks as the JSON engine's).</summary>
public sealed class QueryProtocolOptions
{
    /// <summary>
    /// Turns a domain exception into an AWS error, or returns null for an unexpected one (which becomes a server
    /// fault with a generic message). For a query service whose model gives an error shape a wire code of its own
    /// (STS's MalformedPolicyDocumentException is "MalformedPolicyDocument"), the shape name may be returned: the
    /// engine writes the model's code.
    /// </summary>
    public Func<Exception, AwsError?>? ErrorTranslator { get; init; }

    /// <summary>Told about every exception that ended as a server fault, with "service:Action" and the request id.</summary>
    public Action<Exception, string, string>? OnUnhandledException { get; init; }

    /// <summary>Where the 501 message for an unimplemented operation points readers.</summary>
    public string CoverageDocument { get; init; } = "docs/COVERAGE.md";
}
