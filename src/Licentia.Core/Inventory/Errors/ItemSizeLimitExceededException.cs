namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM ItemSizeLimitExceededException: The inventory item is larger than allowed.</summary>
public sealed class ItemSizeLimitExceededException : SsmException
{
    public ItemSizeLimitExceededException()
    {
    }

    public ItemSizeLimitExceededException(string message)
        : base(message)
    {
    }

    public ItemSizeLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
