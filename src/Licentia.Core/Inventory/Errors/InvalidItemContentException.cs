namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidItemContentException: The inventory item content is not valid.</summary>
public sealed class InvalidItemContentException : SsmException
{
    public InvalidItemContentException()
    {
    }

    public InvalidItemContentException(string message)
        : base(message)
    {
    }

    public InvalidItemContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
