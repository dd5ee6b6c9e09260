namespace Licentia.Core.Compute.Errors;

/// <summary>A parameter has a value that is not valid (bad instance type, tenancy, filter, CPU options, ...).</summary>
public sealed class InvalidParameterValue : Ec2Exception
{
    public InvalidParameterValue()
    {
    }

    public InvalidParameterValue(string message)
        : base(message)
    {
    }

    public InvalidParameterValue(string message, Exception innerException)
        : base(message, innerException)
    {
    }

}
