namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidResultAttributeException: The result attribute is not valid.</summary>
public sealed class InvalidResultAttributeException : SsmException
{
    public InvalidResultAttributeException()
    {
    }

    public InvalidResultAttributeException(string message)
        : base(message)
    {
    }

    public InvalidResultAttributeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
