namespace Licentia.Aws;

/// <summary>Error codes the wire layer itself produces, spelled as AWS services spell them.</summary>
public static class AwsErrorCodes
{
    /// <summary>The body is not JSON, not an object, or a value has the wrong JSON type.</summary>
    public const string SerializationException = "SerializationException";

    /// <summary>The X-Amz-Target names no known service or operation.</summary>
    public const string UnknownOperationException = "UnknownOperationException";

    /// <summary>The generic validation error, when an operation declares none of its own.</summary>
    public const string ValidationException = "ValidationException";

    /// <summary>Preferred for validation failures when the operation declares it (License Manager does).</summary>
    public const string InvalidParameterValueException = "InvalidParameterValueException";

    /// <summary>An operation in the model that Licentia has no handler for (HTTP 501).</summary>
    public const string NotImplemented = "NotImplemented";

    /// <summary>The generic server fault, when an operation declares no fault shape of its own.</summary>
    public const string InternalFailure = "InternalFailure";
}
