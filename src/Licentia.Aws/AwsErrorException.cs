namespace Licentia.Aws;

/// <summary>
/// An error raised by the wire layer itself (bad page token, unknown operation...), carried to the
/// engine as an exception so it leaves through the same path as every other error.
/// </summary>
public sealed class AwsErrorException : Exception
{
    public AwsErrorException()
        : this(AwsErrorCodes.InternalFailure, "An internal error occurred.", 500)
    {
    }

    public AwsErrorException(string message)
        : this(AwsErrorCodes.ValidationException, message, 400)
    {
    }

    public AwsErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = AwsErrorCodes.ValidationException;
        StatusCode = 400;
    }

    public AwsErrorException(string code, string message, int statusCode = 400)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>The AWS error code, written as the response's <c>__type</c>.</summary>
    public string Code { get; }

    public int StatusCode { get; }

    public AwsError ToAwsError() => new(Code, Message) { StatusCode = StatusCode };
}
