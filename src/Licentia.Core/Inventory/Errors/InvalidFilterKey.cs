namespace Licentia.Core.Inventory.Errors;

/// <summary>SSM InvalidFilterKey: A filter key is not valid.</summary>
public sealed class InvalidFilterKey : SsmException
{
    public InvalidFilterKey()
    {
    }

    public InvalidFilterKey(string message)
        : base(message)
    {
    }

    public InvalidFilterKey(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
