namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidActivationId: The activation id is not valid or does not exist in this account and Region.</summary>
public sealed class InvalidActivationId : SsmException
{
    public InvalidActivationId()
    {
    }

    public InvalidActivationId(string message)
        : base(message)
    {
    }

    public InvalidActivationId(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
