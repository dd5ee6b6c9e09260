namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM UnsupportedInventoryItemContextException: Context is not supported for this inventory type.</summary>
public sealed class UnsupportedInventoryItemContextException : SsmException
{
    public UnsupportedInventoryItemContextException()
    {
    }

    public UnsupportedInventoryItemContextException(string message)
        : base(message)
    {
    }

    public UnsupportedInventoryItemContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
