namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidInstanceId: The instance id is not valid, or no such managed node exists in this account and Region.</summary>
public sealed class InvalidInstanceId : SsmException
{
    public InvalidInstanceId()
    {
    }

    public InvalidInstanceId(string message)
        : base(message)
    {
    }

    public InvalidInstanceId(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
