namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidTypeNameException: The inventory type name is not valid.</summary>
public sealed class InvalidTypeNameException : SsmException
{
    public InvalidTypeNameException()
    {
    }

    public InvalidTypeNameException(string message)
        : base(message)
    {
    }

    public InvalidTypeNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
