namespace Licentia.Aws;

/// <summary>
/// An error as it goes on the wire: its AWS error code (the error shape's name), the message, and
/// optionally the HTTP status. Without a status the engine takes it from the model: 500 for a shape
/// marked as a fault, the shape's declared httpStatusCode if any, else 400.
/// </summary>
public sealed record AwsError(string Code, string Message)
{
    public int? StatusCode { get; init; }

    /// <summary>A client error (HTTP 400 unless the model says otherwise).</summary>
    public static AwsError Client(string code, string message) => new(code, message);

    /// <summary>A server fault (HTTP 500).</summary>
    public static AwsError Fault(string code, string message) => new(code, message) { StatusCode = 500 };
}
