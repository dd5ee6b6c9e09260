namespace Licentia.Aws.Query;

/// <summary>Error codes of the query protocols (EC2's own and the generic ones of STS, IAM...), as AWS spells them.</summary>
public static class QueryErrorCodes
{
    /// <summary>The Action names no operation of the service (both protocols).</summary>
    public const string InvalidAction = "InvalidAction";

    /// <summary>The request has no Action parameter.</summary>
    public const string MissingAction = "MissingAction";

    /// <summary>EC2: a required parameter is absent ("The request must contain the parameter X").</summary>
    public const string MissingParameter = "MissingParameter";

    /// <summary>EC2: a value is malformed or breaks a constraint.</summary>
    public const string InvalidParameterValue = "InvalidParameterValue";

    /// <summary>EC2: parameters that cannot be used together; for handlers to raise.</summary>
    public const string InvalidParameterCombination = "InvalidParameterCombination";

    /// <summary>EC2: a parameter the operation does not define ("The parameter X is not recognized").</summary>
    public const string UnknownParameter = "UnknownParameter";

    /// <summary>Query services (STS, IAM): input that breaks the model's constraints.</summary>
    public const string ValidationError = "ValidationError";

    /// <summary>EC2: a ClientToken reused with different parameters.</summary>
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";

    /// <summary>EC2's server fault.</summary>
    public const string InternalError = "InternalError";
}
