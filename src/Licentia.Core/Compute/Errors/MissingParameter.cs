namespace Licentia.Core.Compute.Errors;

/// <summary>A required parameter is missing.</summary>
public sealed class MissingParameter : Ec2Exception
{
    public MissingParameter()
    {
    }

    public MissingParameter(string message)
        : base(message)
    {
    }

    public MissingParameter(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
