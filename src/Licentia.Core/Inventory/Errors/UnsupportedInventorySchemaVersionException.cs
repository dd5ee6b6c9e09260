namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM UnsupportedInventorySchemaVersionException: The inventory schema version is not supported.</summary>
public sealed class UnsupportedInventorySchemaVersionException : SsmException
{
    public UnsupportedInventorySchemaVersionException()
    {
    }

    public UnsupportedInventorySchemaVersionException(string message)
        : base(message)
    {
    }

    public UnsupportedInventorySchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
