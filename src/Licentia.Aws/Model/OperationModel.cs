namespace Licentia.Aws.Model;

/// <summary>An operation of a service model.</summary>
public sealed class OperationModel
{
    internal OperationModel(string serviceName, string name, ShapeModel? input, ShapeModel? output, IReadOnlyList<ShapeModel> errors)
    {
        ServiceName = serviceName;
        Name = name;
        Input = input;
        Output = output;
        Errors = errors;
        ValidationErrorCode =
            errors.Any(e => e.Name == AwsErrorCodes.InvalidParameterValueException) ? AwsErrorCodes.InvalidParameterValueException
            : errors.Any(e => e.Name == AwsErrorCodes.ValidationException) ? AwsErrorCodes.ValidationException
            : AwsErrorCodes.ValidationException;
        FaultErrorCode = errors.FirstOrDefault(e => e.IsFault)?.Name ?? AwsErrorCodes.InternalFailure;
    }

    /// <summary>The model the operation belongs to, e.g. "license-manager".</summary>
    public string ServiceName { get; }

    public string Name { get; }

    /// <summary>The input structure, or null when the operation takes none.</summary>
    public ShapeModel? Input { get; }

    /// <summary>The output structure, or null when the operation returns none.</summary>
    public ShapeModel? Output { get; }

    /// <summary>The error shapes the operation declares.</summary>
    public IReadOnlyList<ShapeModel> Errors { get; }

    /// <summary>
    /// The code for invalid input: the operation's own InvalidParameterValueException if it declares one
    /// (License Manager's clients catch that), else ValidationException.
    /// </summary>
    public string ValidationErrorCode { get; }

    /// <summary>The code for an unexpected server failure: the operation's declared fault shape, else InternalFailure.</summary>
    public string FaultErrorCode { get; }

    /// <summary>The element that wraps the output in query-protocol responses (e.g. "GetCallerIdentityResult"), if any.</summary>
    public string? ResultWrapper { get; internal init; }

    /// <summary>Whether callers must sign the request; false for operations the model marks <c>authtype: none</c>.</summary>
    public bool RequiresAuthentication { get; internal init; } = true;

    public bool DeclaresError(string code) => Errors.Any(e => e.Name == code);
}
