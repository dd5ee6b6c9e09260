namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidParameters: A parameter is not valid.</summary>
public sealed class InvalidParameters : SsmException
{
    public InvalidParameters()
    {
    }

    public InvalidParameters(string message)
        : base(message)
    {
    }

    public InvalidParameters(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
