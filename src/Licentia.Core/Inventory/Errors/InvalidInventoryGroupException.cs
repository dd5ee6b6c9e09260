namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidInventoryGroupException: a GetInventory group is not valid.</summary>
public sealed class InvalidInventoryGroupException : SsmException
{
    public InvalidInventoryGroupException()
    {
    }

    public InvalidInventoryGroupException(string message)
        : base(message)
    {
    }

    public InvalidInventoryGroupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
