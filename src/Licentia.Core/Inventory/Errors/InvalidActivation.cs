namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidActivation: The activation is not valid: it may have been deleted, or the activation id and code do not match.</summary>
public sealed class InvalidActivation : SsmException
{
    public InvalidActivation()
    {
    }

    public InvalidActivation(string message)
        : base(message)
    {
    }

    public InvalidActivation(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
